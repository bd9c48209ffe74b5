package io.configspec.engine.onnx;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes an ONNX model (IR 10, default opset 21, {@code com.microsoft} opset 1) node by node,
 * using the protobuf classes bundled with {@code tribuo-util-onnx}.
 *
 * <p>Initializers are either kept inline in the protobuf (small models, in-memory graphs) or
 * streamed to an external data file next to the model as they are added, so a multi-gigabyte
 * model never has to sit in memory: only the graph structure does. Call {@link #write(Path)} once
 * at the end. Not thread-safe; one writer builds one model.
 */
public final class OnnxGraphWriter implements AutoCloseable {

    /** ONNX IR version written (ONNX 1.16+). */
    public static final int IR_VERSION = 10;
    /** Default-domain opset written. */
    public static final int OPSET = 21;
    /** Domain of ONNX Runtime's contrib operators (MatMulNBits, RotaryEmbedding). */
    public static final String MICROSOFT_DOMAIN = "com.microsoft";

    private final OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final String externalDataName;
    private final OutputStream externalData;
    private long externalOffset;
    private long parameterCount;
    private int nodeCounter;

    private OnnxGraphWriter(String graphName, Path externalDataFile) {
        graph.setName(graphName);
        if (externalDataFile == null) {
            externalDataName = null;
            externalData = null;
        } else {
            externalDataName = externalDataFile.getFileName().toString();
            try {
                externalData = new BufferedOutputStream(Files.newOutputStream(externalDataFile), 1 << 20);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A writer that keeps all weights inline (the model must stay below 2 GB). */
    public static OnnxGraphWriter inline(String graphName) {
        return new OnnxGraphWriter(graphName, null);
    }

    /**
     * A writer that streams every initializer to {@code externalDataFile} as it is added; the
     * model file written later must sit in the same directory.
     */
    public static OnnxGraphWriter withExternalData(String graphName, Path externalDataFile) {
        return new OnnxGraphWriter(graphName, externalDataFile);
    }

    /** Element types used by the builders. */
    public enum ElementType {
        FLOAT(OnnxMl.TensorProto.DataType.FLOAT, 4),
        FLOAT16(OnnxMl.TensorProto.DataType.FLOAT16, 2),
        INT8(OnnxMl.TensorProto.DataType.INT8, 1),
        UINT8(OnnxMl.TensorProto.DataType.UINT8, 1),
        INT64(OnnxMl.TensorProto.DataType.INT64, 8),
        BOOL(OnnxMl.TensorProto.DataType.BOOL, 1);

        final OnnxMl.TensorProto.DataType proto;
        final int bytes;

        ElementType(OnnxMl.TensorProto.DataType proto, int bytes) {
            this.proto = proto;
            this.bytes = bytes;
        }

        public int code() {
            return proto.getNumber();
        }
    }

    /** A dimension: a fixed size ({@code Long}) or a symbolic name ({@code String}). */
    public void input(String name, ElementType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    public void output(String name, ElementType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    /**
     * The dimensions of one layer's key or value cache tensor in the Optimum layout: batch,
     * key/value heads, sequence, head size (the two axes named, the two sizes fixed).
     */
    public static Object[] kvCacheDims(String batchAxis, int kvHeads, String sequenceAxis, int headDim) {
        return new Object[] { batchAxis, (long) kvHeads, sequenceAxis, (long) headDim };
    }

    public void metadata(String key, String value) {
        metadata.put(key, value);
    }

    /** Number of weight elements added so far (the model's parameter count). */
    public long parameterCount() {
        return parameterCount;
    }

    /** Adds a float initializer; {@code countAsParameters} false for tables such as RoPE caches. */
    public String floatTensor(String name, float[] values, boolean countAsParameters, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        if (countAsParameters) {
            parameterCount += values.length;
        }
        return tensor(name, ElementType.FLOAT, buffer.array(), dims);
    }

    /** Adds an fp16 initializer from float values (round to nearest even). */
    public String float16Tensor(String name, float[] values, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            buffer.putShort(Float.floatToFloat16(v));
        }
        parameterCount += values.length;
        return tensor(name, ElementType.FLOAT16, buffer.array(), dims);
    }

    public String int64Tensor(String name, long[] values, long... dims) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asLongBuffer().put(values);
        return tensor(name, ElementType.INT64, buffer.array(), dims);
    }

    /** Adds a raw little-endian initializer; {@code parameters} is added to the parameter count. */
    public String rawTensor(
        String name,
        ElementType type,
        byte[] littleEndian,
        long parameters,
        long... dims
    ) {
        parameterCount += parameters;
        return tensor(name, type, littleEndian, dims);
    }

    private String tensor(String name, ElementType type, byte[] data, long... dims) {
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(type.code());
        for (long d : dims) {
            t.addDims(d);
        }
        // Small tensors stay inline even with external data: shapes and scalars must be readable
        // by graph optimisers without touching the data file.
        if (externalData != null && data.length >= 1024) {
            try {
                externalData.write(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            t.setDataLocation(OnnxMl.TensorProto.DataLocation.EXTERNAL);
            t.addExternalData(entry("location", externalDataName));
            t.addExternalData(entry("offset", Long.toString(externalOffset)));
            t.addExternalData(entry("length", Long.toString(data.length)));
            externalOffset += data.length;
        } else {
            t.setRawData(ByteString.copyFrom(data));
        }
        graph.addInitializer(t);
        return name;
    }

    /** Scalar or 1-D int64 constant, inline. */
    public String int64Constant(String name, long... values) {
        return int64Tensor(name, values, values.length);
    }

    public String int64Scalar(String name, long value) {
        return int64Tensor(name, new long[] { value });
    }

    public String floatScalar(String name, float value) {
        return floatTensor(name, new float[] { value }, false);
    }

    /** Adds a node in the default domain; returns its first output's name. */
    public String node(
        String opType,
        List<String> inputs,
        List<String> outputs,
        Map<String, Object> attributes
    ) {
        return node("", opType, inputs, outputs, attributes);
    }

    /** Adds a node; attribute values may be Long/Integer, Float/Double, String, long[], float[]. */
    public String node(
        String domain,
        String opType,
        List<String> inputs,
        List<String> outputs,
        Map<String, Object> attributes
    ) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder()
            .setOpType(opType)
            .setDomain(domain)
            .setName(opType + "_" + nodeCounter++);
        n.addAllInput(inputs);
        n.addAllOutput(outputs);
        for (Map.Entry<String, Object> a : attributes.entrySet()) {
            n.addAttribute(attribute(a.getKey(), a.getValue()));
        }
        graph.addNode(n);
        return outputs.get(0);
    }

    /** Convenience: single-output node whose output gets a fresh unique name. */
    public String op(String opType, Map<String, Object> attributes, String... inputs) {
        String out = opType.toLowerCase() + "_out_" + nodeCounter;
        return node(opType, List.of(inputs), List.of(out), attributes);
    }

    public String op(String opType, String... inputs) {
        return op(opType, Map.of(), inputs);
    }

    /** Single-output contrib node in {@code com.microsoft}. */
    public String msOp(String opType, Map<String, Object> attributes, String... inputs) {
        String out = opType.toLowerCase() + "_out_" + nodeCounter;
        return node(MICROSOFT_DOMAIN, opType, List.of(inputs), List.of(out), attributes);
    }

    /** Builds the model protobuf (closes the external data stream first). */
    public OnnxMl.ModelProto build() {
        close();
        OnnxMl.ModelProto.Builder model = OnnxMl.ModelProto.newBuilder()
            .setIrVersion(IR_VERSION)
            .setProducerName("configspec")
            .setProducerVersion("0.1")
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
            .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain(MICROSOFT_DOMAIN).setVersion(1))
            .setGraph(graph);
        metadata.forEach((k, v) -> model.addMetadataProps(entry(k, v)));
        return model.build();
    }

    public byte[] toBytes() {
        return build().toByteArray();
    }

    /** Writes the model file; with external data, the data file must be in the same directory. */
    public void write(Path modelFile) throws IOException {
        OnnxMl.ModelProto model = build();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(modelFile), 1 << 20)) {
            model.writeTo(out);
        }
    }

    @Override
    public void close() {
        if (externalData != null) {
            try {
                externalData.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static OnnxMl.StringStringEntryProto entry(String key, String value) {
        return OnnxMl.StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
    }

    private static OnnxMl.ValueInfoProto valueInfo(String name, ElementType type, Object... dims) {
        OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
        for (Object d : dims) {
            OnnxMl.TensorShapeProto.Dimension.Builder dim = OnnxMl.TensorShapeProto.Dimension.newBuilder();
            if (d instanceof String s) {
                dim.setDimParam(s);
            } else {
                dim.setDimValue(((Number) d).longValue());
            }
            shape.addDim(dim);
        }
        OnnxMl.TypeProto.Tensor.Builder tensor = OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(type.code())
            .setShape(shape);
        return OnnxMl.ValueInfoProto.newBuilder()
            .setName(name)
            .setType(OnnxMl.TypeProto.newBuilder().setTensorType(tensor))
            .build();
    }

    private static OnnxMl.AttributeProto attribute(String name, Object value) {
        OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name);
        switch (value) {
            case Integer i -> a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(i);
            case Long l -> a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(l);
            case Float f -> a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(f);
            case Double d -> a.setType(OnnxMl.AttributeProto.AttributeType.FLOAT).setF(d.floatValue());
            case String s -> a
                .setType(OnnxMl.AttributeProto.AttributeType.STRING)
                .setS(ByteString.copyFromUtf8(s));
            case long[] ls -> {
                a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
                for (long l : ls) {
                    a.addInts(l);
                }
            }
            case float[] fs -> {
                a.setType(OnnxMl.AttributeProto.AttributeType.FLOATS);
                for (float f : fs) {
                    a.addFloats(f);
                }
            }
            case OnnxMl.TensorProto t -> a.setType(OnnxMl.AttributeProto.AttributeType.TENSOR).setT(t);
            default -> throw new IllegalArgumentException("unsupported attribute " + name + ": " + value);
        }
        return a.build();
    }
}
