package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Category numbers of a configuration space's combinations (device, drafter, quantisation), for
 * colouring and grouping, computed once per space. Names are display names in first-seen order.
 */
public record SpaceIndex(
    List<String> deviceNames,
    List<String> drafterNames,
    List<String> quantizationNames,
    int[] deviceOf,
    int[] drafterOf,
    int[] quantizationOf
) {
    public static SpaceIndex of(ConfigurationSpace space) {
        List<Combination> combinations = space.combinations();
        Map<String, Integer> devices = new LinkedHashMap<>();
        Map<String, Integer> drafters = new LinkedHashMap<>();
        Map<String, Integer> quantizations = new LinkedHashMap<>();
        int n = combinations.size();
        int[] deviceOf = new int[n];
        int[] drafterOf = new int[n];
        int[] quantizationOf = new int[n];
        for (int c = 0; c < n; c++) {
            Combination combination = combinations.get(c);
            deviceOf[c] = devices.computeIfAbsent(combination.device().name(), k -> devices.size());
            drafterOf[c] = drafters.computeIfAbsent(combination.drafter().name(), k -> drafters.size());
            quantizationOf[c] = quantizations.computeIfAbsent(combination.quantization(), k ->
                quantizations.size()
            );
        }
        return new SpaceIndex(
            new ArrayList<>(devices.keySet()),
            new ArrayList<>(drafters.keySet()),
            new ArrayList<>(quantizations.keySet()),
            deviceOf,
            drafterOf,
            quantizationOf
        );
    }
}
