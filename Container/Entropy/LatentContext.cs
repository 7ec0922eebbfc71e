using System.Runtime.CompilerServices;

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
        Gather(latents, rows, columns, channels, t, y, x, c, context);
    }

    /// <summary>
    /// As <see cref="Gather(ReadOnlySpan{int}, int, int, int, int, Span{int})"/> for the latent at time cell
    /// <paramref name="t"/>, row <paramref name="y"/>, column <paramref name="x"/>, channel <paramref name="c"/>, for
    /// callers that walk the grid in order and so know the coordinates without dividing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gather(ReadOnlySpan<int> latents, int rows, int columns, int channels, int t, int y, int x, int c, Span<int> context)
    {
        int row = columns * channels;
        int picture = rows * row;
        int index = (((((t * rows) + y) * columns) + x) * channels) + c;
        context[PreviousTime] = t > 0 ? latents[index - picture] : 0;
        context[Left] = x > 0 ? latents[index - channels] : 0;
        context[Top] = y > 0 ? latents[index - row] : 0;
        context[TopLeft] = y > 0 && x > 0 ? latents[index - row - channels] : 0;
        context[TopRight] = y > 0 && x + 1 < columns ? latents[index - row + channels] : 0;
        context[PreviousChannel] = c > 0 ? latents[index - 1] : 0;
    }
}
