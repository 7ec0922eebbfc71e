using System.Buffers.Binary;
using Asmr.Container.Entropy;

namespace Asmr.Container.Model;

/// <summary>
/// Serialises a <see cref="SegmentModel"/> as a model payload (spec §10.1–§10.2), each tensor coded as its
/// <see cref="QuantizedTensor.Coding"/> says. Refuses (with <see cref="ArgumentException"/>) any model a reader
/// would reject on its own terms: oversized grids or tensors, output values with |q·μ| ≥ 2^31, −2^31 in an
/// adaptive-coded tensor, context model parameters outside ±2^15 or with μ ≠ 1, and context coding anywhere but in
/// the latents of a grid with a context model (which must use it). A model's motion vectors record follows its
/// tensors (§10.8), and its output filter record comes last (§10.9). Record headers are compact in model_version 7. (Agreement with the sequence header, the motion field's blocks included, is the
/// caller's business.)
/// </summary>
internal static class ModelPayloadWriter
{
    public static byte[] Write(SegmentModel model) => Write(model, out _);

    /// <summary>As <see cref="Write(SegmentModel)"/>, also returning each tensor's byte_length.</summary>
    public static byte[] Write(SegmentModel model, out int[] codedByteLengths)
    {
        ArgumentNullException.ThrowIfNull(model);
        var architecture = model.Architecture;
        Validate(model);

        int levels = architecture.Levels;
        var tensors = model.Records();
        byte[][] coded = new byte[tensors.Count][];
        var grids = architecture.Grids;
        int version = architecture.ModelVersion;
        long total = ModelPayloadFormat.HeaderLength(levels, grids.Count, version);
        for (int i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            try
            {
                coded[i] = tensor.Coding switch
                {
                    EntropyCoding.Raw => RawIntegerCoder.Encode(tensor.Values),
                    EntropyCoding.Adaptive => AdaptiveIntegerCoder.Encode(tensor.Values),
                    _ => EncodeContextCoded(model, tensor),
                };
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Tensor #{i + 1} {tensor}: {e.Message}", nameof(model), e);
            }

            total += ModelPayloadFormat.RecordHeaderBytes(version, tensor.Multiplier, coded[i].Length) + coded[i].Length;
        }

        if (total > Array.MaxLength)
        {
            throw new ArgumentException($"The model payload would be {total} bytes long, more than an array holds.", nameof(model));
        }

        byte[] payload = new byte[total];
        var span = payload.AsSpan();
        int p = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(span[p..], (ushort)version);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 2)..], (uint)model.FirstFrame);
        BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 6)..], (uint)model.FrameCount);
        span[p + 10] = (byte)levels;
        span[p + 11] = (byte)architecture.OutputChannels;
        BinaryPrimitives.WriteUInt16LittleEndian(span[(p + 12)..], (ushort)architecture.Width);
        BinaryPrimitives.WriteUInt16LittleEndian(span[(p + 14)..], 0);
        p += ModelPayloadFormat.FixedHeaderLength;
        for (int a = 0; a < ModelArchitecture.AxisCount; a++)
        {
            for (int l = 0; l < levels; l++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[p..], (ushort)architecture.Base((Axis)a, l));
                p += 2;
            }
        }

        for (int l = 0; l < levels; l++)
        {
            span[p++] = (byte)architecture.Modulation(l);
        }

        if (grids.Count > 0)
        {
            span[p++] = (byte)grids.Count;
            foreach (var g in grids)
            {
                span[p] = (byte)g.Level;
                span[p + 1] = (byte)g.Rank;
                BinaryPrimitives.WriteUInt16LittleEndian(span[(p + 2)..], (ushort)g.TemporalCells);
                if (version >= ModelPayloadFormat.ContextModelVersion)
                {
                    span[p + 4] = (byte)g.ContextHidden;
                }

                if (version >= ModelPayloadFormat.PlacementModelVersion)
                {
                    span[p + 5] = (byte)(g.Interpolated ? 1 : 0);
                }

                p += ModelPayloadFormat.DescriptorLength(version);
            }
        }

        if (ModelPayloadFormat.HasMotionByte(version))
        {
            span[p++] = (byte)architecture.MotionBlockLog2;
        }

        if (ModelPayloadFormat.HasFilterByte(version))
        {
            span[p++] = (byte)architecture.FilterRadius;
        }

        BinaryPrimitives.WriteUInt16LittleEndian(span[p..], (ushort)tensors.Count);
        p += 2;

        codedByteLengths = new int[tensors.Count];
        for (int i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            if (ModelPayloadFormat.HasCompactRecords(version))
            {
                p += ModelPayloadFormat.WriteVarint(span[p..], tensor.Multiplier);
                span[p++] = (byte)tensor.Coding;
                p += ModelPayloadFormat.WriteVarint(span[p..], (uint)coded[i].Length);
            }
            else
            {
                span[p] = (byte)tensor.Role;
                span[p + 1] = (byte)tensor.Level;
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 2)..], (uint)tensor.Rows);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 6)..], (uint)tensor.Columns);
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 10)..], tensor.Multiplier);
                span[p + 14] = (byte)tensor.Coding;
                BinaryPrimitives.WriteUInt32LittleEndian(span[(p + 15)..], (uint)coded[i].Length);
                p += ModelPayloadFormat.RecordHeaderLength;
            }

            coded[i].CopyTo(span[p..]);
            p += coded[i].Length;
            codedByteLengths[i] = coded[i].Length;
        }

        return payload;
    }

    private static void Validate(SegmentModel model)
    {
        var architecture = model.Architecture;
        for (int l = 0; l < architecture.Levels; l++)
        {
            long beta = (long)architecture.Base(Axis.T, l) * architecture.Base(Axis.Y, l) * architecture.Base(Axis.X, l);
            if (beta > ModelPayloadFormat.MaxLocalCount)
            {
                throw new ArgumentException($"Level {l} has β = {beta} local points; the format allows at most 2^24.", nameof(model));
            }
        }

        long nt = architecture.GridSize(Axis.T);
        long ny = architecture.GridSize(Axis.Y);
        long nx = architecture.GridSize(Axis.X);
        if (nt > ModelPayloadFormat.MaxGridCells / ny || nt * ny > ModelPayloadFormat.MaxGridCells / nx)
        {
            throw new ArgumentException($"The grid has {nt}·{ny}·{nx} cells; the format allows at most 2^40.", nameof(model));
        }

        bool contextModels = architecture.ModelVersion >= ModelPayloadFormat.ContextModelVersion;
        if (model.Motion is { } motion && 2L * model.FrameCount * motion.BlocksY * motion.BlocksX > ModelPayloadFormat.MaxTensorValues)
        {
            throw new ArgumentException($"The motion field has {model.FrameCount}·{motion.BlocksY * motion.BlocksX}×2 values; the format allows at most 2^26 per record.", nameof(model));
        }

        foreach (var tensor in model.Tensors)
        {
            if (tensor.Values.Length > ModelPayloadFormat.MaxTensorValues)
            {
                throw new ArgumentException($"{tensor} has {tensor.Values.Length} values; the format allows at most 2^26 per tensor.", nameof(model));
            }

            if (tensor.Role == TensorRole.GridLatents && tensor.Multiplier != 1)
            {
                throw new ArgumentException($"{tensor}: latent tensors have multiplier 1.", nameof(model));
            }

            bool contextCoded = contextModels && tensor.Role == TensorRole.GridLatents;
            if (contextCoded != (tensor.Coding == EntropyCoding.Context))
            {
                throw new ArgumentException($"{tensor}: model_version 3 and 4 grid latents, and nothing else, are context-coded.", nameof(model));
            }

            if (tensor.Role is TensorRole.ContextWeight or TensorRole.ContextBias or TensorRole.ContextOutputWeight or TensorRole.ContextChannelBias)
            {
                if (tensor.Multiplier != 1)
                {
                    throw new ArgumentException($"{tensor}: context model parameters have multiplier 1.", nameof(model));
                }

                int k = Array.FindIndex(tensor.Values, v => v < -ModelPayloadFormat.ContextParameterLimit || v > ModelPayloadFormat.ContextParameterLimit);
                if (k >= 0)
                {
                    throw new ArgumentException($"{tensor}: value {k} is {tensor.Values[k]}; context model parameters lie in ±2^15.", nameof(model));
                }
            }

            if (tensor.Role is TensorRole.OutputWeight or TensorRole.OutputBias)
            {
                for (int k = 0; k < tensor.Values.Length; k++)
                {
                    long product = (long)tensor.Values[k] * tensor.Multiplier;
                    if (product >= ModelPayloadFormat.OutputMagnitudeLimit || product <= -ModelPayloadFormat.OutputMagnitudeLimit)
                    {
                        throw new ArgumentException($"{tensor}: value {k} is {tensor.Values[k]} × μ {tensor.Multiplier} = {product}; |q·μ| must be below 2^31.", nameof(model));
                    }
                }
            }
        }
    }

    /// <summary>A model_version 3 grid's latents, cells × k, as one stream coded with the grid's context model (§10.7).</summary>
    private static byte[] EncodeContextCoded(SegmentModel model, QuantizedTensor latents)
    {
        var architecture = model.Architecture;
        int level = latents.Level;
        var grid = architecture.Grids[architecture.GridIndex(level)];
        return LatentPlaneCoding.Encode(
            model.ContextModelOf(level), latents.Values, grid.TemporalCells, architecture.CumulativeSize(Axis.Y, level), architecture.CumulativeSize(Axis.X, level), grid.Rank);
    }
}
