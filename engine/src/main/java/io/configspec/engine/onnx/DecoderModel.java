package io.configspec.engine.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decoder-only language model in the Hugging Face Optimum ONNX layout, loaded into ONNX Runtime.
 *
 * <p>Owns the native resources of one model: the session options, the inference session and a
 * small helper session that trims KV caches (the process-wide {@link OrtEnvironment} is shared
 * and not closed). {@link #close()} releases them; sessions created by {@link #newSession()} must
 * be closed first. The model's shape (layers, KV heads, head size, KV dtype, vocabulary) is read
 * from its inputs and outputs, falling back to {@code configspec.*} metadata properties for
 * symbolic dimensions. {@code OrtSession.run} is thread-safe, but a {@link DecoderSession} is
 * not: use one session per thread.
 */
public final class DecoderModel implements AutoCloseable {

    /** Input of a drafter built for low-rank adapters: A, [in, rank] (see {@link LowRankAdapter}). */
    public static final String ADAPTER_A = "adapter.a";
    /** Input of a drafter built for low-rank adapters: B, [rank, V]. */
    public static final String ADAPTER_B = "adapter.b";

    private static final Pattern PAST = Pattern.compile("past_key_values\\.(\\d+)\\.(key|value)");
    private static final List<String> KNOWN_INPUTS = List.of(
        "input_ids",
        "attention_mask",
        "position_ids",
        "use_cache_branch",
        ADAPTER_A,
        ADAPTER_B
    );

    private final Path file;
    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final ModelSignature signature;
    private final Map<String, String> metadata;
    private KvCacheTrimmer trimmer;
    private LowRankAdapter activeAdapter;
    private LowRankAdapter noAdapter;
    private long[][] adapterShapes;

    private DecoderModel(
        Path file,
        OrtEnvironment environment,
        OrtSession.SessionOptions options,
        OrtSession session,
        ModelSignature signature,
        Map<String, String> metadata
    ) {
        this.file = file;
        this.environment = environment;
        this.options = options;
        this.session = session;
        this.signature = signature;
        this.metadata = metadata;
    }

    /**
     * Opens {@code modelFile}.
     *
     * @throws ModelLoadException if the file is missing, not ONNX, or not a decoder in the
     *     Optimum layout (the message names what is missing)
     */
    public static DecoderModel open(Path modelFile, EngineOptions engineOptions) throws ModelLoadException {
        if (!Files.isRegularFile(modelFile)) {
            throw new ModelLoadException(modelFile, "model file does not exist");
        }
        try {
            if (Files.size(modelFile) == 0) {
                throw new ModelLoadException(modelFile, "model file is empty");
            }
        } catch (IOException e) {
            throw new ModelLoadException(modelFile, "model file cannot be read (" + e.getMessage() + ")", e);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = null;
        OrtSession session = null;
        try {
            options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(engineOptions.intraOpThreads());
            options.setInterOpNumThreads(engineOptions.interOpThreads());
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.addConfigEntry(
                "session.intra_op.allow_spinning",
                engineOptions.allowSpinning() ? "1" : "0"
            );
            options.addConfigEntry(
                "session.inter_op.allow_spinning",
                engineOptions.allowSpinning() ? "1" : "0"
            );
            try {
                session = env.createSession(modelFile.toString(), options);
            } catch (OrtException e) {
                throw new ModelLoadException(
                    modelFile,
                    "not a loadable ONNX model (" + firstLine(e.getMessage()) + ")",
                    e
                );
            }
            Map<String, String> metadata = session.getMetadata().getCustomMetadata();
            ModelSignature signature = inspect(modelFile, session, metadata);
            DecoderModel model = new DecoderModel(modelFile, env, options, session, signature, metadata);
            if (signature.hasCache()) {
                model.trimmer = new KvCacheTrimmer(env, signature, engineOptions);
            }
            return model;
        } catch (ModelLoadException e) {
            closeQuietly(session, options);
            throw e;
        } catch (OrtException e) {
            closeQuietly(session, options);
            throw new ModelLoadException(modelFile, "ONNX Runtime failed: " + firstLine(e.getMessage()), e);
        }
    }

    private static void requireOptimumName(Path file, Map<String, NodeInfo> present, String what, String name)
        throws ModelLoadException {
        if (!present.containsKey(name)) {
            throw new ModelLoadException(
                file,
                "not a decoder in the Optimum layout: missing " +
                    what +
                    " '" +
                    name +
                    "' (" +
                    what +
                    "s are " +
                    present.keySet() +
                    ")"
            );
        }
    }

    private static ModelSignature inspect(Path file, OrtSession session, Map<String, String> metadata)
        throws OrtException, ModelLoadException {
        Map<String, NodeInfo> inputs = session.getInputInfo();
        Map<String, NodeInfo> outputs = session.getOutputInfo();
        requireOptimumName(file, inputs, "input", "input_ids");
        requireOptimumName(file, outputs, "output", "logits");
        TensorInfo ids = (TensorInfo) inputs.get("input_ids").getInfo();
        if (ids.type != OnnxJavaType.INT64) {
            throw new ModelLoadException(file, "input 'input_ids' must be int64, is " + ids.type);
        }
        TreeMap<Integer, Integer> pastKinds = new TreeMap<>();
        for (String name : inputs.keySet()) {
            Matcher m = PAST.matcher(name);
            if (m.matches()) {
                pastKinds.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
            } else if (!KNOWN_INPUTS.contains(name)) {
                throw new ModelLoadException(
                    file,
                    "not a decoder in the Optimum layout: unsupported input '" + name + "'"
                );
            }
        }
        if (inputs.containsKey(ADAPTER_A) != inputs.containsKey(ADAPTER_B)) {
            throw new ModelLoadException(
                file,
                "has only one of the adapter inputs '" + ADAPTER_A + "' and '" + ADAPTER_B + "'"
            );
        }
        int layers = pastKinds.isEmpty() ? 0 : pastKinds.lastKey() + 1;
        int kvHeads = 0;
        int headDim = 0;
        String kvType = "float32";
        for (int l = 0; l < layers; l++) {
            for (String kind : List.of("key", "value")) {
                if (!inputs.containsKey("past_key_values." + l + "." + kind)) {
                    throw new ModelLoadException(
                        file,
                        "KV cache input 'past_key_values." + l + "." + kind + "' is missing"
                    );
                }
                if (!outputs.containsKey("present." + l + "." + kind)) {
                    throw new ModelLoadException(
                        file,
                        "KV cache output 'present." + l + "." + kind + "' is missing"
                    );
                }
            }
        }
        if (layers > 0) {
            TensorInfo past = (TensorInfo) inputs.get("past_key_values.0.key").getInfo();
            long[] shape = past.getShape();
            if (shape.length != 4) {
                throw new ModelLoadException(
                    file,
                    "KV cache input 'past_key_values.0.key' must have 4 dimensions [batch, heads, past, head_dim], has " +
                        shape.length
                );
            }
            kvHeads = shape[1] > 0 ? (int) shape[1] : metadataInt(metadata, "num_key_value_heads");
            headDim = shape[3] > 0 ? (int) shape[3] : metadataInt(metadata, "head_dim");
            if (kvHeads <= 0 || headDim <= 0) {
                throw new ModelLoadException(
                    file,
                    "cannot tell the KV cache shape: 'past_key_values.0.key' has symbolic heads or head size and no configspec.num_key_value_heads/head_dim metadata"
                );
            }
            kvType = switch (past.type) {
                case FLOAT -> "float32";
                case FLOAT16 -> "float16";
                default -> throw new ModelLoadException(
                    file,
                    "KV cache type " + past.type + " is not supported (float32 or float16)"
                );
            };
        }
        TensorInfo logits = (TensorInfo) outputs.get("logits").getInfo();
        long[] logitsShape = logits.getShape();
        int vocab = logitsShape.length == 3 && logitsShape[2] > 0
            ? (int) logitsShape[2]
            : metadataInt(metadata, "vocab_size");
        return new ModelSignature(
            layers,
            kvHeads,
            headDim,
            kvType,
            vocab > 0 ? vocab : -1,
            layers > 0,
            inputs.containsKey("attention_mask"),
            inputs.containsKey("position_ids"),
            new ArrayList<>(inputs.keySet())
        );
    }

    private static int metadataInt(Map<String, String> metadata, String key) {
        String value = metadata.get("configspec." + key);
        if (value == null) {
            value = metadata.get(key);
        }
        try {
            return value == null ? -1 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Whether the model takes a low-rank adapter ({@code adapter.a}, {@code adapter.b}). */
    public boolean takesAdapter() {
        return signature.inputNames().contains(ADAPTER_A);
    }

    /**
     * Makes every session of this model draft with {@code adapter} (null: none, the shared
     * drafter) from its next forward pass; returns the adapter used before (null for none), which
     * the caller may close. The KV cache stays valid: the adapter adds to the logits only. Not to
     * be called while another thread runs a session of this model.
     *
     * @throws IllegalArgumentException if the model takes no adapter or the shapes differ
     */
    public LowRankAdapter useAdapter(LowRankAdapter adapter) throws OrtException {
        if (!takesAdapter()) {
            throw new IllegalArgumentException(
                file.getFileName() + " takes no adapter (built without adapter inputs)"
            );
        }
        if (adapter != null) {
            long[] aShape = adapterShapes()[0];
            long[] bShape = adapterShapes()[1];
            if (!adapter.fits(aShape, bShape)) {
                throw new IllegalArgumentException(
                    "adapter " +
                        adapter.name() +
                        " does not fit " +
                        file.getFileName() +
                        " (A " +
                        Arrays.toString(aShape) +
                        ", B " +
                        Arrays.toString(bShape) +
                        ")"
                );
            }
        }
        if (adapter != null) {
            adapter.tensors(environment); // bound now, so the switch is paid here, not in the next pass
        }
        LowRankAdapter previous = activeAdapter;
        activeAdapter = adapter;
        return previous;
    }

    /** The tensors for the adapter inputs: the active adapter's, or zeros. */
    OnnxTensor[] adapterTensors() throws OrtException {
        if (activeAdapter != null) {
            return activeAdapter.tensors(environment);
        }
        if (noAdapter == null) {
            long[][] shapes = adapterShapes();
            noAdapter = LowRankAdapter.none((int) shapes[0][0], (int) shapes[0][1], (int) shapes[1][1]);
        }
        return noAdapter.tensors(environment);
    }

    /** The shapes of {@code adapter.a} and {@code adapter.b}, read from the session once. */
    private long[][] adapterShapes() throws OrtException {
        if (adapterShapes == null) {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            adapterShapes = new long[][] {
                ((TensorInfo) inputs.get(ADAPTER_A).getInfo()).getShape(),
                ((TensorInfo) inputs.get(ADAPTER_B).getInfo()).getShape(),
            };
        }
        return adapterShapes;
    }

    /** A new, empty decoding state (KV cache) on this model. */
    public DecoderSession newSession() {
        return new DecoderSession(this);
    }

    public ModelSignature signature() {
        return signature;
    }

    /** The model's custom metadata properties. */
    public Map<String, String> metadata() {
        return metadata;
    }

    public Path file() {
        return file;
    }

    OrtEnvironment environment() {
        return environment;
    }

    OrtSession session() {
        return session;
    }

    KvCacheTrimmer trimmer() {
        return trimmer;
    }

    @Override
    public void close() {
        if (trimmer != null) {
            trimmer.close();
        }
        if (noAdapter != null) {
            noAdapter.close();
        }
        closeQuietly(session, options);
    }

    private static void closeQuietly(OrtSession session, OrtSession.SessionOptions options) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (OrtException ignored) {
            // nothing more to release
        }
        if (options != null) {
            options.close();
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        String line = message.strip().lines().findFirst().orElse("no detail");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
