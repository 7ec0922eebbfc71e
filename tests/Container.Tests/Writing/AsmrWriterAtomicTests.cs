namespace Asmr.Container.Tests;

/// <summary>Writing to a path never leaves a partial destination or a temporary file behind.</summary>
public sealed class AsmrWriterAtomicTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private static AsmrWriterOptions FailingAfter(long bytes, bool overwrite = true) => new()
    {
        Overwrite = overwrite,
        Progress = written =>
        {
            if (written >= bytes)
            {
                throw new IOException("injected failure: disk full");
            }
        },
    };

    [Fact]
    public void Write_Path_CreatesTheSameBytesAsStreamOutputAndNoTemporaryFile()
    {
        string path = _directory.File("out.asmr");

        AsmrWriter.Write(path, Samples.Rich());

        Assert.Equal(Samples.ToBytes(Samples.Rich()), File.ReadAllBytes(path));
        Assert.Equal(["out.asmr"], _directory.FileNames);
    }

    [Fact]
    public void Write_FailureMidway_LeavesNoDestinationAndNoTemporaryFile()
    {
        string path = _directory.File("out.asmr");

        var e = Assert.Throws<IOException>(() => AsmrWriter.Write(path, Samples.Segmented(4, 100_000), FailingAfter(150_000)));

        Assert.Equal("injected failure: disk full", e.Message);
        Assert.Empty(_directory.FileNames);
    }

    [Fact]
    public void Write_FailureMidway_LeavesAnExistingDestinationUntouched()
    {
        string path = _directory.File("out.asmr");
        File.WriteAllBytes(path, [1, 2, 3]);

        Assert.Throws<IOException>(() => AsmrWriter.Write(path, Samples.Segmented(4, 100_000), FailingAfter(150_000)));

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["out.asmr"], _directory.FileNames);
    }

    [Fact]
    public void Write_CancelledMidway_ThrowsAndLeavesNothingBehind()
    {
        string path = _directory.File("out.asmr");
        File.WriteAllBytes(path, [4, 5, 6]);
        using var cancellation = new CancellationTokenSource();
        var options = new AsmrWriterOptions
        {
            Progress = written =>
            {
                if (written > 1000)
                {
                    cancellation.Cancel();
                }
            },
        };

        Assert.ThrowsAny<OperationCanceledException>(() => AsmrWriter.Write(path, Samples.Segmented(4, 100_000), options, cancellation.Token));

        Assert.Equal([4, 5, 6], File.ReadAllBytes(path));
        Assert.Equal(["out.asmr"], _directory.FileNames);
    }

    [Fact]
    public void Write_AlreadyCancelled_CreatesNothing()
    {
        string path = _directory.File("out.asmr");

        Assert.ThrowsAny<OperationCanceledException>(() => AsmrWriter.Write(path, Samples.Rich(), null, new CancellationToken(canceled: true)));

        Assert.Empty(_directory.FileNames);
    }

    [Fact]
    public void Write_OverwriteFalseAndDestinationExists_ThrowsIOExceptionAndKeepsIt()
    {
        string path = _directory.File("out.asmr");
        File.WriteAllBytes(path, [7]);

        var e = Assert.Throws<IOException>(() => AsmrWriter.Write(path, Samples.Rich(), new AsmrWriterOptions { Overwrite = false }));

        Assert.Contains("already exists", e.Message, StringComparison.Ordinal);
        Assert.Equal([7], File.ReadAllBytes(path));
        Assert.Equal(["out.asmr"], _directory.FileNames);
    }

    [Fact]
    public void Write_OverwriteFalseAndNoDestination_WritesTheFile()
    {
        string path = _directory.File("new.asmr");

        AsmrWriter.Write(path, Samples.Rich(), new AsmrWriterOptions { Overwrite = false });

        Assert.Equal(3, AsmrReader.Read(path).Segments.Count);
    }

    [Fact]
    public void Write_OverwriteTrue_ReplacesTheDestination()
    {
        string path = _directory.File("out.asmr");
        File.WriteAllBytes(path, [7]);

        AsmrWriter.Write(path, Samples.Rich());

        Assert.Equal(Samples.ToBytes(Samples.Rich()), File.ReadAllBytes(path));
    }

    [Fact]
    public void Write_InvalidFile_CreatesNothing()
    {
        string path = _directory.File("out.asmr");
        var file = new AsmrFile { SequenceHeader = Samples.Sequence(), Segments = [] };

        Assert.Throws<ArgumentException>(() => AsmrWriter.Write(path, file));

        Assert.Empty(_directory.FileNames);
    }
}
