namespace Asmr.Container.Entropy;

/// <summary>
/// Which already-decoded latents a latent's context holds (draft spec §10.7), for a grid of time cells × rows × columns
/// × channels decoded time cell by time cell, then row, column and channel: 0 stands for a neighbour outside the grid.
/// </summary>
internal static class LatentContext
{
    /// <summary>The co-located latent of the previous time cell (same channel): the strongest input measured.</summary>
    public const int PreviousTime = 0;

    /// <summary>The latent to the left (same time cell and channel).</summary>
    public const int Left = 1;

    /// <summary>The latent above.</summary>
    public const int Top = 2;

    /// <summary>The latent above and to the left.</summary>
    public const int TopLeft = 3;

    /// <summary>The latent above and to the right.</summary>
    public const int TopRight = 4;

    /// <summary>The same cell's previous channel (0 for channel 0).</summary>
    public const int PreviousChannel = 5;

    /// <summary>The number of inputs.</summary>
    public const int Count = 6;

    /// <summary>
    /// Fills <paramref name="context"/> for the latent at <paramref name="index"/> of <paramref name="latents"/>, laid
    /// out [t][y][x][c] (so every input comes before the latent itself).
    /// </summary>
    public static void Gather(ReadOnlySpan<int> latents, int rows, int columns, int channels, int index, Span<int> context)
    {
        int c = index % channels;
        int x = index / channels % columns;
        int y = index / channels / columns % rows;
        int t = index / channels / columns / rows;
        int cell = index - c;
        int row = columns * channels;
        int picture = rows * row;
        context[PreviousTime] = t > 0 ? latents[cell - picture + c] : 0;
        context[Left] = x > 0 ? latents[cell - channels + c] : 0;
        context[Top] = y > 0 ? latents[cell - row + c] : 0;
        context[TopLeft] = y > 0 && x > 0 ? latents[cell - row - channels + c] : 0;
        context[TopRight] = y > 0 && x + 1 < columns ? latents[cell - row + channels + c] : 0;
        context[PreviousChannel] = c > 0 ? latents[cell + c - 1] : 0;
    }
}
