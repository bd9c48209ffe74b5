package io.configspec.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A low-rank adapter for a drafter built with adapter inputs ({@code adapter.a} [in, r], {@code
 * adapter.b} [r, V]): the graph adds {@code (x·A)·B} to the logits, where x is the token embedding,
 * so the adapter is applied without merging weights and switching it only binds other tensors
 * (docs/engine.md, "Domain adapters"). Owns its two native tensors; close it when no model uses it.
 *
 * <p>File format ({@code .lora}): the ASCII magic {@code CSLORA1\n}, then big-endian ints {@code in},
 * {@code rank}, {@code out}, then A (in × rank) and B (rank × out) as big-endian float32, row-major.
 */
public final class LowRankAdapter implements AutoCloseable {

    private static final byte[] MAGIC = "CSLORA1\n".getBytes(StandardCharsets.US_ASCII);

    private final String name;
    private final int in;
    private final int rank;
    private final int out;
    private final float[] a;
    private final float[] b;
    private OnnxTensor aTensor;
    private OnnxTensor bTensor;

    /**
     * @param name what it adapts to, e.g. {@code code}
     * @param a in × rank, row-major
     * @param b rank × out, row-major
     */
    public LowRankAdapter(String name, int in, int rank, int out, float[] a, float[] b) {
        if (in < 1 || rank < 1 || out < 1 || a.length != in * rank || b.length != rank * out) {
            throw new IllegalArgumentException(
                "adapter " + name + ": A must be " + in + "×" + rank + " and B " + rank + "×" + out
            );
        }
        this.name = name;
        this.in = in;
        this.rank = rank;
        this.out = out;
        this.a = a.clone();
        this.b = b.clone();
    }

    /** An adapter that changes nothing (A = 0, B = 0): the shared drafter itself. */
    public static LowRankAdapter none(int in, int rank, int out) {
        return new LowRankAdapter("none", in, rank, out, new float[in * rank], new float[rank * out]);
    }

    /** Reads a {@code .lora} file. */
    public static LowRankAdapter read(Path file, String name) throws IOException {
        try (InputStream raw = Files.newInputStream(file); DataInputStream in = new DataInputStream(raw)) {
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a low-rank adapter file (no CSLORA1 header)");
            }
            int rows = in.readInt();
            int rank = in.readInt();
            int cols = in.readInt();
            if (rows < 1 || rank < 1 || cols < 1 || (long) rows * rank + (long) rank * cols > 50_000_000L) {
                throw new IOException(
                    file + " has an impossible adapter shape " + rows + "×" + rank + "×" + cols
                );
            }
            float[] a = new float[rows * rank];
            float[] b = new float[rank * cols];
            ByteBuffer bytes = ByteBuffer.wrap(in.readNBytes(4 * (a.length + b.length))).order(
                ByteOrder.BIG_ENDIAN
            );
            if (bytes.remaining() != 4 * (a.length + b.length)) {
                throw new IOException(file + " is truncated");
            }
            bytes.asFloatBuffer().get(a).get(b);
            return new LowRankAdapter(name, rows, rank, cols, a, b);
        }
    }

    /** Writes this adapter as a {@code .lora} file. */
    public void write(Path file) throws IOException {
        try (DataOutputStream outStream = new DataOutputStream(Files.newOutputStream(file))) {
            outStream.write(MAGIC);
            outStream.writeInt(in);
            outStream.writeInt(rank);
            outStream.writeInt(out);
            ByteBuffer bytes = ByteBuffer.allocate(4 * (a.length + b.length)).order(ByteOrder.BIG_ENDIAN);
            bytes.asFloatBuffer().put(a).put(b);
            outStream.write(bytes.array());
        }
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    /** Bytes of its weights (A and B, float32). */
    public long weightBytes() {
        return 4L * (a.length + b.length);
    }

    /** The tensors fed to {@code adapter.a} and {@code adapter.b}, created on first use. */
    OnnxTensor[] tensors(OrtEnvironment environment) throws OrtException {
        if (aTensor == null) {
            aTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(a), new long[] { in, rank });
            bTensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(b), new long[] { rank, out });
        }
        return new OnnxTensor[] { aTensor, bTensor };
    }

    /** Whether it fits a model whose adapter inputs are in × rank and rank × out. */
    boolean fits(long[] aShape, long[] bShape) {
        return aShape[0] == in && aShape[1] == rank && bShape[0] == rank && bShape[1] == out;
    }

    @Override
    public void close() {
        if (aTensor != null) {
            aTensor.close();
            bTensor.close();
            aTensor = null;
            bTensor = null;
        }
    }
}
