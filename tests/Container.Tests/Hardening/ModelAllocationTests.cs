using System.Buffers.Binary;
using Asmr.Container.Entropy;
using Asmr.Container.Model;

namespace Asmr.Container.Tests.Hardening;

/// <summary>
/// A model header may declare a tensor of up to 2^26 values (256 MiB of int) in a few hundred bytes. The reader
/// must refuse to allocate it unless the tensor's coded bytes can hold that many values: at most
/// <see cref="AdaptiveIntegerCoder.MaxValuesPerByte"/> values per adaptive byte and one value per raw byte.
/// </summary>
public sealed class ModelAllocationTests
{
    private const int Width = 1024;
    private const int TableRows = 65536; // 1·256·256 local points at level 0: rows·columns = 2^26, the largest tensor allowed

    /// <summary>
    /// A 1×1 4:0:0 model payload, L = 2, H = 1024, level 0 a table modulation of side²×2^10 values, whose first
    /// tensor record claims <paramref name="byteLength"/> bytes of data (all present, zero).
    /// </summary>
    private static byte[] Payload(byte coding, int byteLength, int side = 256)
    {
        var bytes = new List<byte>();
        void U8(int v) => bytes.Add((byte)v);
        void U16(int v) => bytes.AddRange(BitConverter.GetBytes((ushort)v));
        void U32(uint v) => bytes.AddRange(BitConverter.GetBytes(v));
        Assert.True(BitConverter.IsLittleEndian);

        U16(ModelPayloadFormat.ModelVersion);
        U32(0); // first_frame
        U32(1); // frame_count
        U8(2); // level_count
        U8(1); // output_channels
        U16(Width);
        U16(0); // reserved
        int[][] bases = [[1, 1], [side, 1], [side, 1]];
        foreach (int[] axis in bases)
        {
            foreach (int b in axis)
            {
                U16(b);
            }
        }

        U8((int)ModulationKind.Table);
        U8((int)ModulationKind.Linear);
        U16(5); // tensor_count: 2 modulations, bias[0], output weight, output bias
        U8((int)TensorRole.Modulation);
        U8(0);
        U32((uint)(side * side));
        U32(Width);
        U32(1); // multiplier
        U8(coding);
        U32((uint)byteLength);
        bytes.AddRange(new byte[byteLength]);
        return [.. bytes];
    }

    private static readonly ModelPayloadExpectations OneByOneGray = new(0, 1, 1, 1, ChromaFormat.Mono400);

    private static long AllocatedWhileRejecting(byte[] payload)
    {
        Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, OneByOneGray)); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(payload, OneByOneGray));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(0, 16)]
    [InlineData(0, 65536)]
    [InlineData(1, 16)]
    [InlineData(1, (TableRows * Width / AdaptiveIntegerCoder.MaxValuesPerByte) - 1)]
    public void A_huge_tensor_with_too_few_coded_bytes_is_rejected_before_its_values_are_allocated(byte coding, int byteLength)
    {
        byte[] payload = Payload(coding, byteLength);

        long allocated = AllocatedWhileRejecting(payload);

        Assert.True(allocated < 64 * 1024 + (2L * payload.Length), $"coding {coding}, {byteLength} coded bytes: allocated {allocated} bytes for a {payload.Length}-byte payload");
    }

    [Fact]
    public void A_huge_adaptive_tensor_allocates_at_most_what_its_coded_bytes_can_hold()
    {
        const int Side = 64; // a 2^22-value tensor: 128 coded bytes may hold it, so the reader may allocate its 16 MiB
        int byteLength = Side * Side * Width / AdaptiveIntegerCoder.MaxValuesPerByte;
        byte[] payload = Payload(1, byteLength, Side);

        long allocated = AllocatedWhileRejecting(payload);

        long bound = (4L * AdaptiveIntegerCoder.MaxValuesPerByte * byteLength) + (1 << 20);
        Assert.True(allocated <= bound, $"allocated {allocated} bytes for {byteLength} coded bytes (bound {bound})");
    }

    [Fact]
    public void The_crafted_payload_is_rejected_only_for_its_data()
    {
        var e = Assert.Throws<InvalidDataException>(() => ModelPayloadReader.Read(Payload(0, 16), OneByOneGray));

        Assert.Contains("raw values need at least", e.Message, StringComparison.Ordinal);
    }
}
