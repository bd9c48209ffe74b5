package io.configspec.engine.samplemodels;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Dev tool: generates a family and prints greedy agreement and cost per drafter. */
public final class FamilyTuning {

    public static void main(String[] args) throws Exception {
        double scale = Double.parseDouble(args[0]);
        double decay = Double.parseDouble(args[1]);
        int gen = 32;
        Path dir = Files.createTempDirectory("family");
        SampleFamily.Spec spec = SampleFamily.Spec.defaults().withScales(scale, decay);
        long t0 = System.nanoTime();
        List<SampleFamily.Member> members = SampleFamily.generate(dir, spec);
        System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        List<int[]> sequences = new ArrayList<>();
        List<Integer> promptLengths = new ArrayList<>();
        try (
            HuggingFaceTextTokenizer tok = HuggingFaceTextTokenizer.load(
                dir.resolve(SampleFamily.targetName(spec))
            )
        ) {
            for (String p : SampleFamily.prompts(spec)) {
                int[] ids = tok.encode(p);
                promptLengths.add(ids.length);
                sequences.add(ids);
            }
            System.out.println("decoded: " + tok.decode(sequences.get(0)));
        }
        try (
            DecoderModel target = DecoderModel.open(
                members.get(0).directory().resolve("model.onnx"),
                EngineOptions.defaults()
            )
        ) {
            long nanos = 0;
            int steps = 0;
            for (int i = 0; i < sequences.size(); i++) {
                int[] seq = sequences.get(i);
                int[] full = java.util.Arrays.copyOf(seq, seq.length + gen);
                try (DecoderSession s = target.newSession()) {
                    float[][] logits = s.forward(seq);
                    int next = argmax(logits[logits.length - 1]);
                    for (int g = 0; g < gen; g++) {
                        full[seq.length + g] = next;
                        long a = System.nanoTime();
                        next = argmax(s.forward(new int[] { next })[0]);
                        nanos += System.nanoTime() - a;
                        steps++;
                    }
                }
                sequences.set(i, full);
            }
            System.out.printf("%s: %.3f ms/token%n", members.get(0).name(), nanos / 1e6 / steps);
            try (
                HuggingFaceTextTokenizer tok = HuggingFaceTextTokenizer.load(
                    dir.resolve(SampleFamily.targetName(spec))
                )
            ) {
                System.out.println("target text: " + tok.decode(sequences.get(0)));
            }
        }
        for (SampleFamily.Member m : members.subList(1, members.size())) {
            try (
                DecoderModel drafter = DecoderModel.open(
                    m.directory().resolve("model.onnx"),
                    EngineOptions.defaults()
                )
            ) {
                int agree = 0;
                int total = 0;
                for (int i = 0; i < sequences.size(); i++) {
                    int[] seq = sequences.get(i);
                    int pl = promptLengths.get(i);
                    try (DecoderSession s = drafter.newSession()) {
                        float[][] logits = s.forward(seq);
                        for (int pos = pl - 1; pos < seq.length - 1; pos++) {
                            if (argmax(logits[pos]) == seq[pos + 1]) {
                                agree++;
                            }
                            total++;
                        }
                    }
                }
                long nanos = 0;
                int steps = 0;
                try (DecoderSession s = drafter.newSession()) {
                    s.forward(sequences.get(0));
                    for (int g = 0; g < 64; g++) {
                        long a = System.nanoTime();
                        s.forward(new int[] { 5 });
                        nanos += System.nanoTime() - a;
                        steps++;
                    }
                }
                System.out.printf(
                    "%s: agreement %.3f, %.3f ms/token%n",
                    m.name(),
                    agree / (double) total,
                    nanos / 1e6 / steps
                );
            }
        }
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }
}
