using Asmr.Decoder.Video;

namespace Asmr.Decoder.Inference;

/// <summary>
/// The frames [First, End) spanned by one level-(L−2) time index <paramref name="Tau"/>, being decoded together;
/// for subsampled chroma, <paramref name="ChromaValues"/> holds the two chroma channels' v over the grid box.
/// </summary>
internal sealed record DecodeChunk(int Tau, int First, int End, VideoFrame[] Frames, int[][]? ChromaValues, int BoxHeight, int BoxWidth);
