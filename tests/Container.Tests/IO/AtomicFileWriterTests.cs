namespace Asmr.Container.Tests;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Create_Path_WritesToATemporaryInTheSameDirectory()
    {
        string path = _directory.File("a.y4m");

        using AtomicFileWriter writer = AtomicFileWriter.Create(path, overwrite: true);

        Assert.Equal(Path.GetDirectoryName(path), Path.GetDirectoryName(writer.TemporaryPath));
        Assert.Matches(@"^a\.y4m\.tmp[0-9a-f]{16}$", Path.GetFileName(writer.TemporaryPath));
        Assert.True(File.Exists(writer.TemporaryPath));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Commit_AfterWriting_MovesTheBytesToTheDestination()
    {
        string path = _directory.File("a.bin");

        using (AtomicFileWriter writer = AtomicFileWriter.Create(path, overwrite: false))
        {
            writer.Stream.Write([1, 2, 3]);
            writer.Commit();
        }

        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        Assert.Equal(["a.bin"], _directory.FileNames);
    }

    [Fact]
    public void Dispose_WithoutCommit_DeletesTheTemporaryAndLeavesTheDestination()
    {
        string path = _directory.File("a.bin");
        File.WriteAllBytes(path, [9]);

        using (AtomicFileWriter writer = AtomicFileWriter.Create(path, overwrite: true))
        {
            writer.Stream.Write([1, 2, 3]);
        }

        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.Equal(["a.bin"], _directory.FileNames);
    }

    [Fact]
    public void Create_OverwriteFalseAndDestinationExists_ThrowsIOException()
    {
        string path = _directory.File("a.bin");
        File.WriteAllBytes(path, [9]);

        var e = Assert.Throws<IOException>(() => AtomicFileWriter.Create(path, overwrite: false));

        Assert.Contains("already exists and overwriting was not requested", e.Message, StringComparison.Ordinal);
        Assert.Equal(["a.bin"], _directory.FileNames);
    }

    [Fact]
    public void Commit_OverwriteFalseAndDestinationAppearedMeanwhile_ThrowsAndDeletesTheTemporary()
    {
        string path = _directory.File("a.bin");
        using AtomicFileWriter writer = AtomicFileWriter.Create(path, overwrite: false);
        writer.Stream.Write([1]);
        File.WriteAllBytes(path, [9]);

        Assert.Throws<IOException>(writer.Commit);

        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.Equal(["a.bin"], _directory.FileNames);
    }

    [Fact]
    public void Commit_Twice_ThrowsInvalidOperation()
    {
        using AtomicFileWriter writer = AtomicFileWriter.Create(_directory.File("a.bin"), overwrite: true);
        writer.Commit();

        Assert.Throws<InvalidOperationException>(writer.Commit);
    }

    [Fact]
    public void Commit_AfterDispose_ThrowsObjectDisposed()
    {
        AtomicFileWriter writer = AtomicFileWriter.Create(_directory.File("a.bin"), overwrite: true);
        writer.Dispose();

        Assert.Throws<ObjectDisposedException>(writer.Commit);
    }

    [Fact]
    public void Create_DestinationIsADirectory_ThrowsIOException()
    {
        Directory.CreateDirectory(_directory.File("sub"));

        Assert.Throws<IOException>(() => AtomicFileWriter.Create(_directory.File("sub"), overwrite: true));
    }

    [Fact]
    public void Create_MissingDirectory_ThrowsDirectoryNotFound() =>
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFileWriter.Create(_directory.File("missing/a.bin"), overwrite: true));
}
