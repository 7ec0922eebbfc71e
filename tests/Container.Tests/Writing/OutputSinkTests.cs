namespace Asmr.Container.Tests;

public class OutputSinkTests
{
    [Fact]
    public void Write_LargeBuffer_WritesInMebibyteChunksReportingTheRunningTotal()
    {
        using var stream = new MemoryStream();
        var progress = new List<long>();
        var sink = new OutputSink(stream, progress.Add, CancellationToken.None);
        byte[] data = Samples.Random((5 << 20) / 2, seed: 9);

        sink.Write(data);

        Assert.Equal([1L << 20, 2L << 20, data.Length], progress);
        Assert.Equal(data.Length, sink.Written);
        Assert.Equal(data, stream.ToArray());
    }

    [Fact]
    public void Write_CancelledBetweenChunks_StopsBeforeTheNextChunk()
    {
        using var stream = new MemoryStream();
        using var cancellation = new CancellationTokenSource();
        var sink = new OutputSink(stream, _ => cancellation.Cancel(), cancellation.Token);

        Assert.Throws<OperationCanceledException>(() => sink.Write(new byte[3 << 20]));

        Assert.Equal(1 << 20, stream.Length);
    }
}
