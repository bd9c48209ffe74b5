package io.configspec.engine.workload;

import ai.onnxruntime.OrtException;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.LowRankAdapter;
import io.configspec.engine.qpart.GreedyAgreement;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * Per-domain low-rank adapters on a shared drafter, fitted in closed form against the target, and
 * the acceptance they give (docs/engine.md, "Domain adapters"; issue 22).
 *
 * <p><b>Fit.</b> The target's greedy continuations of the domain's fit prompts are decoded; the
 * target and the drafter without adapter then run over prompt + continuation, and for each current
 * token t the mean logit residual Δ[t] = mean(z_target − z_drafter) over the positions where t is
 * the current token is taken, shrunk towards 0 by {@link #SHRINKAGE} pseudo-positions (ridge): the
 * regularised least-squares solution of logits_target ≈ logits_drafter +
 * onehot(t)·ΔW. Its best rank-r approximation, weighted by how often each token occurs (rows scaled
 * by √count before the SVD, Eckart–Young), is split into A = diag(1/√count)·U_r·S_r and B = V_rᵀ.
 * The graph adds (x·A)·B to the logits with x the token embedding, which is the one-hot token in
 * the sample family (identity embedding), so the adapter reproduces ΔW_r exactly. Tokens never seen
 * in the domain get no correction, so a domain's adapter leaves other domains' text as it was.
 *
 * <p><b>Acceptance.</b> Greedy per-token agreement with the target's greedy continuation ({@link
 * GreedyAgreement}): deterministic, so the difference with and without an adapter is not noise.
 */
public final class DomainAdapters {

    /**
     * Ridge shrinkage of each token's mean residual, in positions: Δ[t] = Σ residual / (count + λ),
     * so a token seen a few times is corrected less than its noisy mean says.
     */
    public static final double SHRINKAGE = 4.0;

    private DomainAdapters() {}

    /**
     * Fits a rank-{@code rank} adapter for the domain whose fit prompts are {@code prompts}.
     *
     * @param drafter a drafter built with adapter inputs ({@link DecoderModel#takesAdapter()}); its
     *     active adapter is set to none while fitting and left so
     * @param tokens greedy continuation length per prompt
     */
    public static LowRankAdapter fit(
        DecoderModel target,
        DecoderModel drafter,
        List<int[]> prompts,
        int tokens,
        int rank,
        String name
    ) throws InferenceException {
        try {
            drafter.useAdapter(null);
        } catch (OrtException e) {
            throw InferenceException.of("preparing " + drafter.file().getFileName(), e);
        }
        GreedyAgreement.Reference reference = GreedyAgreement.reference(target, "target", prompts, tokens);
        int vocab = -1;
        double[][] residual = null;
        double[] count = null;
        try {
            for (int p = 0; p < prompts.size(); p++) {
                int[] prompt = reference.prompts().get(p);
                int[] continuation = reference.continuations().get(p);
                int[] input = Arrays.copyOf(prompt, prompt.length + continuation.length - 1);
                System.arraycopy(continuation, 0, input, prompt.length, continuation.length - 1);
                float[][] targetLogits;
                float[][] drafterLogits;
                try (DecoderSession t = target.newSession(); DecoderSession d = drafter.newSession()) {
                    targetLogits = t.forward(input);
                    drafterLogits = d.forward(input);
                }
                if (residual == null) {
                    vocab = targetLogits[0].length;
                    residual = new double[vocab][vocab];
                    count = new double[vocab];
                }
                for (int i = 0; i < input.length; i++) {
                    int current = input[i];
                    count[current]++;
                    for (int v = 0; v < vocab; v++) {
                        residual[current][v] += targetLogits[i][v] - drafterLogits[i][v];
                    }
                }
            }
        } catch (OrtException e) {
            throw InferenceException.of("fitting adapter " + name, e);
        }
        // ridge-shrunk mean residual sum / (count + λ), rows weighted by √count for the SVD
        double[][] weighted = new double[vocab][vocab];
        for (int t = 0; t < vocab; t++) {
            if (count[t] > 0) {
                for (int v = 0; v < vocab; v++) {
                    weighted[t][v] = (residual[t][v] / (count[t] + SHRINKAGE)) * Math.sqrt(count[t]);
                }
            }
        }
        SingularValueDecomposition svd = new SingularValueDecomposition(
            new Array2DRowRealMatrix(weighted, false)
        );
        RealMatrix u = svd.getU();
        RealMatrix vt = svd.getVT();
        double[] sigma = svd.getSingularValues();
        int r = Math.min(rank, sigma.length);
        float[] a = new float[vocab * rank];
        float[] b = new float[rank * vocab];
        for (int t = 0; t < vocab; t++) {
            if (count[t] > 0) {
                for (int j = 0; j < r; j++) {
                    a[t * rank + j] = (float) ((u.getEntry(t, j) * sigma[j]) / Math.sqrt(count[t]));
                }
            }
        }
        for (int j = 0; j < r; j++) {
            for (int v = 0; v < vocab; v++) {
                b[j * vocab + v] = (float) vt.getEntry(j, v);
            }
        }
        return new LowRankAdapter(name, vocab, rank, vocab, a, b);
    }

    /**
     * Greedy per-token acceptance of the drafter with {@code adapter} (null: none) against the
     * target's continuations in {@code reference}. Leaves the drafter's adapter set to none.
     */
    public static GreedyAgreement.Acceptance acceptance(
        DecoderModel drafter,
        LowRankAdapter adapter,
        GreedyAgreement.Reference reference
    ) throws InferenceException {
        try {
            drafter.useAdapter(adapter);
            return GreedyAgreement.acceptance(drafter, reference);
        } catch (OrtException e) {
            throw InferenceException.of("measuring " + drafter.file().getFileName(), e);
        } finally {
            try {
                drafter.useAdapter(null);
            } catch (OrtException ignored) {
                // only shape checks throw here, and they passed above
            }
        }
    }
}
