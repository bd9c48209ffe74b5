package io.configspec.engine.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A low-rank adapter for a drafter built with adapter inputs ({@code adapter.a} [in, r], {@code
 * adapter.b} [r, V]): the graph adds {@code (x·A)·B} to the logits, where x is the token embedding,
 * so the adapter is applied without merging weights and switching it only binds other tensors
 * (docs/engine.md, "Domain adapters"). Owns its two native tensors; close it when no model uses it.
 *
 * <p>File format ({@code .lora}): the ASCII magic {@code CSLORA1\n}, then little-endian ints {@code in},
 * {@code rank}, {@code out}, then A (in × rank) and B (rank × out) as little-endian float32,
 * row-major: read straight into native memory that the input tensors use without a copy.
 */
public final class LowRankAdapter implements AutoCloseable {

    private static final byte[] MAGIC = "CSLORA1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = MAGIC.length + 3 * Integer.BYTES;

    private final String name;
    private final int in;
    private final int rank;
    private final int out;
    /** A then B, float32 in native order, in one direct buffer that the tensors share (no copy). */
    private final ByteBuffer weights;
    private OnnxTensor aTensor;
    private OnnxTensor bTensor;

    private LowRankAdapter(String name, int in, int rank, int out, ByteBuffer weights) {
        this.name = name;
        this.in = in;
        this.rank = rank;
        this.out = out;
        this.weights = weights;
    }

    /**
     * @param name what it adapts to, e.g. {@code code}
     * @param a in × rank, row-major
     * @param b rank × out, row-major
     */
    public LowRankAdapter(String name, int in, int rank, int out, float[] a, float[] b) {
        this(name, in, rank, out, allocate(in, rank, out, a, b));
    }

    private static ByteBuffer allocate(int in, int rank, int out, float[] a, float[] b) {
        if (in < 1 || rank < 1 || out < 1 || a.length != in * rank || b.length != rank * out) {
            throw new IllegalArgumentException(
                "an adapter's A must be " + in + "×" + rank + " and B " + rank + "×" + out
            );
        }
        ByteBuffer buffer = ByteBuffer.allocateDirect(4 * (a.length + b.length)).order(
            ByteOrder.nativeOrder()
        );
        buffer.asFloatBuffer().put(a).put(b);
        return buffer;
    }

    /** An adapter that changes nothing (A = 0, B = 0): the shared drafter itself. */
    public static LowRankAdapter none(int in, int rank, int out) {
        return new LowRankAdapter("none", in, rank, out, new float[in * rank], new float[rank * out]);
    }

    /** Reads a {@code .lora} file straight into native memory. */
    public static LowRankAdapter read(Path file, String name) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (header.hasRemaining() && channel.read(header) >= 0) {
                // fill the header
            }
            header.flip();
            byte[] magic = new byte[MAGIC.length];
            if (header.remaining() < HEADER_BYTES || !Arrays.equals(magicOf(header, magic), MAGIC)) {
                throw new IOException(file + " is not a low-rank adapter file (no CSLORA1 header)");
            }
            int rows = header.getInt();
            int rank = header.getInt();
            int cols = header.getInt();
            long floats = (long) rows * rank + (long) rank * cols;
            if (rows < 1 || rank < 1 || cols < 1 || floats > 50_000_000L) {
                throw new IOException(
                    file + " has an impossible adapter shape " + rows + "×" + rank + "×" + cols
                );
            }
            ByteBuffer weights = ByteBuffer.allocateDirect((int) (4 * floats)).order(ByteOrder.LITTLE_ENDIAN);
            while (weights.hasRemaining() && channel.read(weights) >= 0) {
                // fill the weights
            }
            if (weights.hasRemaining()) {
                throw new IOException(file + " is truncated");
            }
            weights.flip();
            return new LowRankAdapter(name, rows, rank, cols, nativeOrder(weights));
        }
    }

    private static byte[] magicOf(ByteBuffer header, byte[] magic) {
        header.get(magic);
        return magic;
    }

    /** The same floats in native order (a no-op on little-endian machines). */
    private static ByteBuffer nativeOrder(ByteBuffer littleEndian) {
        if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
            return littleEndian.order(ByteOrder.nativeOrder());
        }
        ByteBuffer copy = ByteBuffer.allocateDirect(littleEndian.capacity()).order(ByteOrder.nativeOrder());
        copy.asFloatBuffer().put(littleEndian.asFloatBuffer());
        return copy;
    }

    /** Writes this adapter as a {@code .lora} file (little-endian). */
    public void write(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(HEADER_BYTES + weights.capacity()).order(
            ByteOrder.LITTLE_ENDIAN
        );
        bytes.put(MAGIC).putInt(in).putInt(rank).putInt(out);
        bytes.asFloatBuffer().put(weights.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer());
        Files.write(file, bytes.array());
    }

    public String name() {
        return name;
    }

    public int rank() {
        return rank;
    }

    /** Bytes of its weights (A and B, float32). */
    public long weightBytes() {
        return weights.capacity();
    }

    /** The tensors fed to {@code adapter.a} and {@code adapter.b}, created on first use over the adapter's own memory. */
    OnnxTensor[] tensors(OrtEnvironment environment) throws OrtException {
        if (aTensor == null) {
            FloatBuffer all = weights.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
            FloatBuffer a = all.slice(0, in * rank);
            FloatBuffer b = all.slice(in * rank, rank * out);
            aTensor = OnnxTensor.createTensor(environment, a, new long[] { in, rank });
            bTensor = OnnxTensor.createTensor(environment, b, new long[] { rank, out });
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
