using Asmr.Container;
using Asmr.Decoder.Inference;
using Asmr.Decoder.Files;

namespace Asmr.Decoder.Tests.Hardening;

/// <summary>
/// A tiny file may declare a 65535×65535 picture or 2^24 frames. Opening, verifying and reading its model must cost
/// what the file costs, not what it declares, and decoding a crop of one frame must cost what the crop costs.
/// </summary>
public sealed class AbsurdDimensionTests
{
    private static readonly DecoderOptions OneThread = new() { Threads = 1 };

    public static TheoryData<string, ChromaFormat> Cases() => new()
    {
        { "picture", ChromaFormat.Mono400 },
        { "picture", ChromaFormat.Yuv420 },
        { "frames", ChromaFormat.Mono400 },
        { "frames", ChromaFormat.Yuv420 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Opening_and_checking_a_huge_declared_sequence_allocates_only_what_the_file_holds(string huge, ChromaFormat chroma)
    {
        byte[] bytes = Build(huge, chroma);
        Assert.True(bytes.Length < 1024, $"the crafted file is {bytes.Length} bytes");

        long before = GC.GetAllocatedBytesForCurrentThread();
        int decoded = UntrustedFileCheck.Run(bytes);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, decoded);
        Assert.True(allocated < 256 * 1024, $"open + verify + model read allocated {allocated} bytes for a {bytes.Length}-byte file");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_crop_of_the_last_frame_of_a_huge_sequence_decodes_in_bounded_memory(string huge, ChromaFormat chroma)
    {
        byte[] bytes = Build(huge, chroma);
        using var decoder = AsmrFileDecoder.Open(new MemoryStream(bytes), OneThread);
        var header = decoder.Header;
        var crop = new CropRectangle((header.Width - 16) & ~1, (header.Height - 16) & ~1, 16, 16);

        long before = GC.GetAllocatedBytesForCurrentThread();
        var frame = decoder.DecodeFrame(header.FrameCount - 1, crop);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(16, frame.Width);
        Assert.Equal(16, frame.Height);
        Assert.True(allocated < 8L * 1024 * 1024, $"a 16×16 crop of a {header.Width}×{header.Height}×{header.FrameCount} sequence allocated {allocated} bytes");
    }

    private static byte[] Build(string huge, ChromaFormat chroma) =>
        huge == "picture" ? AbsurdSequences.HugePicture(chroma) : AbsurdSequences.HugeFrameCount(chroma);
}
