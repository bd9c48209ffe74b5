package io.configspec.model.domain;

/**
 * One point of the configuration space: which device drafts with which drafter at which
 * quantisation, for which target, with speculative length K. All fields are ids.
 */
public record Configuration(String device, String drafter, String quantization, String target, int k) {
    public Configuration {
        FieldChecks.text("device", device);
        FieldChecks.text("drafter", drafter);
        FieldChecks.text("quantization", quantization);
        FieldChecks.text("target", target);
        FieldChecks.positive("k", k);
    }

    @Override
    public String toString() {
        return device + " / " + drafter + " " + quantization + " → " + target + " / K=" + k;
    }
}
