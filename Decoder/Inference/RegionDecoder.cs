using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Asmr.Container;
using Asmr.Decoder.Video;

namespace Asmr.Decoder.Inference;

/// <summary>
/// Decodes one box of the sample grid (a frame range × a crop) by walking the level grids top-down over only the
/// cells whose sub-trees meet the box (spec §11.6). Frames come out one chunk at a time: a chunk is the frames one
/// level-(L−2) cell spans in time (B_t[L−1] of them, clipped to the range). For each chunk the levels 0..L−3 are held
/// as "slabs" (the box's cells at the chunk's time index, each the H-vector its children share) and reused while
/// their time index stays the same; level L−2 and the last level are fused into a parallel kernel per parent cell.
/// Nothing of size N×H is ever held.
/// </summary>
internal sealed class RegionDecoder
{
    private const int T = 0;
    private const int Y = 1;
    private const int X = 2;

    private readonly FixedPointNetwork _net;
    private readonly SimdPath _path;
    private readonly int _threads;
    private readonly long _parallelThreshold;
    private readonly int _blockCells;
    private readonly DecoderStatistics _stats;
    private readonly ChromaFormat _chroma;
    private readonly int _bitDepth;
    private readonly CropRectangle _crop;
    private readonly int _t0;
    private readonly int _t1;
    private readonly int _y0;
    private readonly int _y1;
    private readonly int _x0;
    private readonly int _x1;
    private readonly int _subX;
    private readonly int _subY;
    private readonly int[] _yLo;
    private readonly int[] _yHi;
    private readonly int[] _xLo;
    private readonly int[] _xHi;
    private readonly uint[][] _slabs;
    private readonly long[] _slabTime;
    private readonly bool _directChroma;
    private readonly int _blockStep;
    private readonly int _lastT;
    private readonly int _lastY;
    private readonly int _lastX;
    private readonly int _fullPlanes;
    private readonly ConcurrentBag<DecodeWorkspace> _workspaces = [];

    public RegionDecoder(
        FixedPointNetwork network,
        SimdPath path,
        int threads,
        long parallelThreshold,
        int blockCells,
        DecoderStatistics statistics,
        ChromaFormat chroma,
        int bitDepth,
        int firstFrame,
        int endFrame,
        CropRectangle crop)
    {
        _net = network;
        _path = path;
        _threads = threads;
        _parallelThreshold = parallelThreshold;
        _stats = statistics;
        _chroma = chroma;
        _bitDepth = bitDepth;
        _crop = crop;
        _t0 = firstFrame;
        _t1 = endFrame;
        _subX = 1 << chroma.ChromaShiftX();
        _subY = 1 << chroma.ChromaShiftY();
        _fullPlanes = chroma == ChromaFormat.Yuv444 ? 3 : 1;

        // The grid box covers the crop and, for subsampled chroma, the whole 2×2 (2×1) blocks under it; the decoder
        // checked that the grid covers the picture rounded up to those blocks, so every coordinate fits in an int.
        _y0 = crop.Y;
        _x0 = crop.X;
        _y1 = crop.Y + (_subY * ((crop.Height + _subY - 1) / _subY));
        _x1 = crop.X + (_subX * ((crop.Width + _subX - 1) / _subX));

        int levels = network.Levels;
        _lastT = network.Base(T, levels - 1);
        _lastY = network.Base(Y, levels - 1);
        _lastX = network.Base(X, levels - 1);
        _blockCells = Math.Max(1, Math.Min(blockCells, network.LastPairs.LocalCount));
        _yLo = new int[levels];
        _yHi = new int[levels];
        _xLo = new int[levels];
        _xHi = new int[levels];
        for (int l = 0; l < levels; l++)
        {
            long sy = network.Stride(Y, l);
            long sx = network.Stride(X, l);
            _yLo[l] = (int)(_y0 / sy);
            _yHi[l] = (int)(((_y1 - 1) / sy) + 1);
            _xLo[l] = (int)(_x0 / sx);
            _xHi[l] = (int)(((_x1 - 1) / sx) + 1);
        }

        // Subsampled chroma is summed straight from a block when every 2×2 (2×1) block of samples lies inside one
        // parent (even last-level bases on the subsampled axes) and a block holds whole frames of a parent's children.
        int lastPlane = _lastY * _lastX;
        _directChroma = network.Channels == 3 && (_subX > 1 || _subY > 1) && lastPlane <= _blockCells &&
            (_subX == 1 || _lastX % 2 == 0) && (_subY == 1 || _lastY % 2 == 0);
        _blockStep = lastPlane <= _blockCells ? _blockCells / lastPlane * lastPlane : _blockCells;

        _slabs = new uint[Math.Max(0, levels - 2)][];
        _slabTime = new long[_slabs.Length];
        Array.Fill(_slabTime, -1);
    }

    private int LastLevel => _net.Levels - 1;

    private int ParentLevel => _net.Levels - 2;

    public IEnumerable<VideoFrame> Run()
    {
        int boxHeight = _y1 - _y0;
        int boxWidth = _x1 - _x0;
        bool bufferChroma = _net.Channels == 3 && (_subX > 1 || _subY > 1) && !_directChroma;
        int[][]? chromaValues = null;
        int lp = ParentLevel;
        long parents = (long)(_yHi[lp] - _yLo[lp]) * (_xHi[lp] - _xLo[lp]);
        long parentCost = ((long)_net.Width * _net.Width) + ((long)_net.LastPairs.LocalCount * _net.Width * _net.Channels);
        for (int tau = _t0 / _lastT; tau <= (_t1 - 1) / _lastT; tau++)
        {
            int f0 = Math.Max(_t0, tau * _lastT);
            int f1 = Math.Min(_t1, (tau + 1) * _lastT);
            int count = f1 - f0;
            PrepareSlabs(tau * (long)_lastT);
            var frames = new VideoFrame[count];
            for (int i = 0; i < count; i++)
            {
                frames[i] = new VideoFrame(_crop.Width, _crop.Height, _chroma, _bitDepth);
            }

            if (bufferChroma)
            {
                long size = (long)count * boxHeight * boxWidth;
                if (chromaValues is null || chromaValues[0].Length < size)
                {
                    chromaValues = [new int[size], new int[size]];
                }
            }

            var chunk = new DecodeChunk(tau, f0, f1, frames, chromaValues, boxHeight, boxWidth);
            ForRange(parents, parentCost, (start, end, ws) => DecodeParents(chunk, start, end, ws));
            if (bufferChroma)
            {
                ConvertChroma(chunk);
            }

            foreach (var frame in frames)
            {
                yield return frame;
            }
        }
    }

    /// <summary>Brings the slabs of levels 0..L−3 to the time index of the chunk starting at <paramref name="frame"/>.</summary>
    private void PrepareSlabs(long frame)
    {
        for (int l = 0; l < _slabs.Length; l++)
        {
            long tl = frame / _net.Stride(T, l);
            if (_slabTime[l] == tl)
            {
                continue;
            }

            ComputeSlab(l, (int)tl);
            _slabTime[l] = tl;
            for (int k = l + 1; k < _slabs.Length; k++)
            {
                _slabTime[k] = -1;
            }
        }
    }

    /// <summary>
    /// Slab l holds, for every box cell c of level l at time index tl, the part of θ_{l+1} its children share:
    /// θ_0(c) for l = 0, else acc·μ + b of level l+1 from h_l(c) = S(θ_l(c)). θ_l includes level l's latent grid
    /// term, if any (tl is the cell's c_t).
    /// </summary>
    private void ComputeSlab(int l, int tl)
    {
        int hp = _net.PaddedWidth;
        int ny = _yHi[l] - _yLo[l];
        int nx = _xHi[l] - _xLo[l];
        long cells = (long)ny * nx;
        long size = cells * hp;
        if (size > Array.MaxLength)
        {
            throw new NotSupportedException(
                $"Level {l} has {cells} cells in one time slice of the region; their {size} phases exceed one array. Decode a smaller crop.");
        }

        if (_slabs[l] is null || _slabs[l].Length < size)
        {
            _slabs[l] = new uint[size];
        }

        var slab = _slabs[l];
        int dt = tl % _net.Base(T, l);
        int by = _net.Base(Y, l);
        int bx = _net.Base(X, l);
        var grids = _net.Grids(l);
        long cost = l == 0 ? _net.Width : (long)_net.Width * _net.Width;
        ForRange(cells, cost, (start, end, ws) =>
        {
            for (long i = start; i < end; i++)
            {
                int cy = _yLo[l] + (int)(i / nx);
                int cx = _xLo[l] + (int)(i % nx);
                var dst = slab.AsSpan((int)(i * hp), hp);
                if (l == 0)
                {
                    _net.Patterns.AddTo(0, dt, cy % by, cx % bx, _net.Bias0, dst);
                    foreach (var grid in grids)
                    {
                        grid.AddTo(tl, cy, cx, dst);
                    }

                }
                else
                {
                    _net.Patterns.AddTo(l, dt, cy % by, cx % bx, ParentRow(l, cy, cx), ws.Theta);
                    foreach (var grid in grids)
                    {
                        grid.AddTo(tl, cy, cx, ws.Theta);
                    }

                    Activate(ws.Theta, ws.Activations);
                    _net.Hidden(l + 1).Apply(_path, ws.Activations, ws.Accumulators, dst);
                }
            }

            ws.Cells[l] += end - start;
        });
    }

    /// <summary>The slab row of level l−1 that is the parent of level-l cell (cy, cx).</summary>
    private ReadOnlySpan<uint> ParentRow(int l, int cy, int cx)
    {
        int hp = _net.PaddedWidth;
        int py = (cy / _net.Base(Y, l)) - _yLo[l - 1];
        int px = (cx / _net.Base(X, l)) - _xLo[l - 1];
        int nx = _xHi[l - 1] - _xLo[l - 1];
        return _slabs[l - 1].AsSpan((int)((((long)py * nx) + px) * hp), hp);
    }

    private void Activate(ReadOnlySpan<uint> theta, Span<short> activations)
    {
        int h = _net.Width;
        ref uint src = ref MemoryMarshal.GetReference(theta[..h]);
        ref short dst = ref MemoryMarshal.GetReference(activations[..h]);
        for (int j = 0; j < h; j++)
        {
            Unsafe.Add(ref dst, j) = (short)SineTable.SinCos(Unsafe.Add(ref src, j));
        }
    }

    /// <summary>Level-(L−2) cells [start, end) of the box in raster order, digits stepped instead of divided.</summary>
    private void DecodeParents(DecodeChunk chunk, long start, long end, DecodeWorkspace ws)
    {
        int lp = ParentLevel;
        int xLo = _xLo[lp];
        int xHi = _xHi[lp];
        int nx = xHi - xLo;
        int by = _net.Base(Y, lp);
        int bx = _net.Base(X, lp);
        int cy = _yLo[lp] + (int)(start / nx);
        int cx = xLo + (int)(start % nx);
        int dt = (int)(chunk.Tau % _net.Base(T, lp));
        int dy = cy % by;
        int dx = cx % bx;
        for (long i = start; i < end; i++)
        {
            DecodeParent(chunk, cy, cx, dt, dy, dx, ws);
            if (++cx == xHi)
            {
                cx = xLo;
                dx = cx % bx;
                cy++;
                dy = ++dy == by ? 0 : dy;
            }
            else
            {
                dx = ++dx == bx ? 0 : dx;
            }
        }

        ws.Cells[lp] += end - start;
    }

    /// <summary>
    /// One level-(L−2) cell p = (chunk.Tau, cy, cx) (digits dt, dy, dx): θ(p) with its latent grid term, pre(p), the
    /// (A, B) pairs, then its children inside the box.
    /// </summary>
    private void DecodeParent(DecodeChunk chunk, int cy, int cx, int dt, int dy, int dx, DecodeWorkspace ws)
    {
        int lp = ParentLevel;
        var pre = ws.Shared;
        var grids = _net.Grids(lp);
        if (lp == 0)
        {
            _net.Patterns.AddTo(0, dt, dy, dx, _net.Bias0, pre);
            foreach (var grid in grids)
            {
                grid.AddTo(chunk.Tau, cy, cx, pre);
            }

        }
        else
        {
            _net.Patterns.AddTo(lp, dt, dy, dx, ParentRow(lp, cy, cx), ws.Theta);
            foreach (var grid in grids)
            {
                grid.AddTo(chunk.Tau, cy, cx, ws.Theta);
            }

            Activate(ws.Theta, ws.Activations);
            _net.Hidden(LastLevel).Apply(_path, ws.Activations, ws.Accumulators, pre);
        }

        _net.Output.Project(_path, pre, ws.SinCos, ws.OutputPairs);

        int by = _lastY;
        int bx = _lastX;
        var origin = new CellOrigin(chunk.Tau * _lastT, cy * by, cx * bx);
        var range = new ChildRange(
            Math.Max(chunk.First - origin.T, 0),
            Math.Min(chunk.End - origin.T, _lastT),
            Math.Max(_y0 - origin.Y, 0),
            Math.Min(_y1 - origin.Y, by),
            Math.Max(_x0 - origin.X, 0),
            Math.Min(_x1 - origin.X, bx));
        int plane = by * bx;
        if (range.Dx0 == 0 && range.Dx1 == bx && range.Dy0 == 0 && range.Dy1 == by)
        {
            Segment(chunk, origin, range, range.Dt0 * plane, range.Dt1 * plane, ws);
        }
        else
        {
            // At the box's edge: per frame, the contiguous δ span from the first wanted cell to the last.
            for (int t = range.Dt0; t < range.Dt1; t++)
            {
                Segment(chunk, origin, range, (t * plane) + (range.Dy0 * bx) + range.Dx0, (t * plane) + ((range.Dy1 - 1) * bx) + range.Dx1, ws);
            }
        }
    }

    /// <summary>Evaluates the children δ ∈ [start, end) of the current parent, a block at a time, and emits them.</summary>
    private void Segment(DecodeChunk chunk, CellOrigin origin, ChildRange range, int start, int end, DecodeWorkspace ws)
    {
        var pairs = _net.LastPairs;
        var output = _net.Output;
        for (int s = start; s < end; s += _blockStep)
        {
            int n = Math.Min(_blockStep, end - s);
            ReadOnlySpan<int> matrix;
            int stride;
            int offset;
            if (pairs.Table is not null)
            {
                matrix = pairs.Table;
                stride = pairs.Stride;
                offset = s;
            }
            else
            {
                pairs.Fill(s, n, ws.PairScratch, ws.BlockStride);
                matrix = ws.PairScratch;
                stride = ws.BlockStride;
                offset = 0;
            }

            PairDot.ComputeChannels(_path, matrix, stride, offset, n, ws.OutputPairs, _net.PaddedWidth, _net.Width, output.Bias, ws.Values, ws.BlockStride);
            Emit(chunk, origin, range, s, n, ws);
        }

        ws.Cells[LastLevel] += end - start;
    }

    /// <summary>
    /// Writes a block's samples to the frames: full-resolution planes directly; subsampled chroma as 2×2 (2×1) sums
    /// when the block holds whole blocks (<see cref="_directChroma"/>), else as v into the chunk's buffer.
    /// </summary>
    private void Emit(DecodeChunk chunk, CellOrigin origin, ChildRange range, int start, int count, DecodeWorkspace ws)
    {
        int by = _lastY;
        int bx = _lastX;
        int vs = ws.BlockStride;
        var values = ws.Values;
        var samples = ws.Samples;
        for (int p = 0; p < _fullPlanes; p++)
        {
            SampleConversion.FullBlock(values.AsSpan(p * vs, vs), samples.AsSpan(p * vs, vs), count, _bitDepth);
        }

        int plane = by * bx;
        if (range.Dy0 == 0 && range.Dy1 == by && range.Dx0 == 0 && range.Dx1 == bx && start % plane == 0 && count % plane == 0 &&
            origin.Y + by - _crop.Y <= _crop.Height && origin.X + bx - _crop.X <= _crop.Width &&
            (_directChroma || _fullPlanes == _net.Channels))
        {
            EmitPictures(chunk, origin, start / plane, count / plane, ws);
            return;
        }

        int end = start + count;
        int lastRow = (end - 1) / bx;
        int row = start / bx;
        int dt = row / by;
        int dy = row - (dt * by);
        for (; row <= lastRow; row++, dy = ++dy == by ? 0 : dy, dt += dy == 0 ? 1 : 0)
        {
            int rowStart = row * bx;
            int a = Math.Max(range.Dx0, start - rowStart);
            int b = Math.Min(range.Dx1, end - rowStart);
            if (dy < range.Dy0 || dy >= range.Dy1 || a >= b)
            {
                continue;
            }

            int vi = rowStart + a - start;
            int fi = origin.T + dt - chunk.First;
            var frame = chunk.Frames[fi];
            int y = origin.Y + dy;
            int x = origin.X + a;
            int ly = y - _crop.Y;
            int lx = x - _crop.X;
            int m = Math.Min(b - a, _crop.Width - lx);
            if (ly < _crop.Height && m > 0)
            {
                for (int p = 0; p < _fullPlanes; p++)
                {
                    Copy(samples.AsSpan((p * vs) + vi, m), frame.Planes[p].AsSpan((ly * _crop.Width) + lx, m));
                }
            }

            if (_directChroma)
            {
                if ((dy & (_subY - 1)) == 0)
                {
                    int at = (((y - _y0) >> (_subY - 1)) * (chunk.BoxWidth >> 1)) + ((x - _x0) >> 1);
                    EmitChromaRow(values.AsSpan(vs + vi), bx, b - a, frame.Planes[1].AsSpan(at));
                    EmitChromaRow(values.AsSpan((2 * vs) + vi), bx, b - a, frame.Planes[2].AsSpan(at));
                }
            }
            else if (chunk.ChromaValues is { } cv)
            {
                long index = ((((long)fi * chunk.BoxHeight) + (y - _y0)) * chunk.BoxWidth) + (x - _x0);
                values.AsSpan(vs + vi, b - a).CopyTo(cv[0].AsSpan((int)index, b - a));
                values.AsSpan((2 * vs) + vi, b - a).CopyTo(cv[1].AsSpan((int)index, b - a));
            }
        }
    }

    /// <summary>
    /// <see cref="Emit"/> for the usual block: whole last-level pictures (by × bx samples each) of a parent that lies
    /// inside the crop, so no row needs clipping; chroma is full-resolution or summed straight from the block.
    /// </summary>
    private void EmitPictures(DecodeChunk chunk, CellOrigin origin, int firstPicture, int pictures, DecodeWorkspace ws)
    {
        int by = _lastY;
        int bx = _lastX;
        int plane = by * bx;
        int vs = ws.BlockStride;
        int width = _crop.Width;
        int at = ((origin.Y - _crop.Y) * width) + origin.X - _crop.X;
        int chromaWidth = chunk.BoxWidth >> 1;
        int chromaAt = (((origin.Y - _y0) >> (_subY - 1)) * chromaWidth) + ((origin.X - _x0) >> 1);
        ref ushort samples = ref MemoryMarshal.GetArrayDataReference(ws.Samples);
        if (bx == 2 && by == 2 && _subX == 2 && _subY == 2 && _directChroma)
        {
            EmitQuads(chunk, origin.T + firstPicture - chunk.First, pictures, ref samples, ws.Values.AsSpan(vs, 2 * vs), vs, at, chromaAt);
            return;
        }

        for (int q = 0; q < pictures; q++)
        {
            var frame = chunk.Frames[origin.T + firstPicture + q - chunk.First];
            int v0 = q * plane;
            for (int p = 0; p < _fullPlanes; p++)
            {
                for (int dy = 0; dy < by; dy++)
                {
                    Copy(ws.Samples.AsSpan((p * vs) + v0 + (dy * bx), bx), frame.Planes[p].AsSpan(at + (dy * width), bx));
                }
            }

            if (_directChroma)
            {
                for (int dy = 0; dy < by; dy += _subY)
                {
                    int row = chromaAt + (dy / _subY * chromaWidth);
                    EmitChromaRow(ws.Values.AsSpan(vs + v0 + (dy * bx)), bx, bx, frame.Planes[1].AsSpan(row));
                    EmitChromaRow(ws.Values.AsSpan((2 * vs) + v0 + (dy * bx)), bx, bx, frame.Planes[2].AsSpan(row));
                }
            }
        }
    }

    /// <summary>
    /// <see cref="EmitPictures"/> for 2×2 pictures and 4:2:0, the last level of most plans: per picture two luma pairs
    /// and one sample of each chroma plane, the sum of the picture's four v (spec §11.5).
    /// </summary>
    private void EmitQuads(DecodeChunk chunk, int firstFrame, int pictures, ref ushort samples, ReadOnlySpan<int> chroma, int vs, int at, int chromaAt)
    {
        int width = _crop.Width;
        int d = _bitDepth;
        ref int cb = ref MemoryMarshal.GetReference(chroma);
        ref int cr = ref Unsafe.Add(ref cb, vs);
        var frames = chunk.Frames;
        for (int q = 0; q < pictures; q++)
        {
            var planes = frames[firstFrame + q].Planes;
            ref byte luma = ref Unsafe.As<ushort, byte>(ref MemoryMarshal.GetArrayDataReference(planes[0]));
            ref byte pair = ref Unsafe.As<ushort, byte>(ref Unsafe.Add(ref samples, 4 * q));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref luma, 2 * at), Unsafe.ReadUnaligned<uint>(ref pair));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref luma, 2 * (at + width)), Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref pair, 4)));
            ref int b = ref Unsafe.Add(ref cb, 4 * q);
            ref int r = ref Unsafe.Add(ref cr, 4 * q);
            planes[1][chromaAt] = SampleConversion.Quad((long)b + Unsafe.Add(ref b, 1) + Unsafe.Add(ref b, 2) + Unsafe.Add(ref b, 3), d);
            planes[2][chromaAt] = SampleConversion.Quad((long)r + Unsafe.Add(ref r, 1) + Unsafe.Add(ref r, 2) + Unsafe.Add(ref r, 3), d);
        }
    }

    /// <summary>Short runs (a last-level row is typically 4–16 samples) copy faster by hand than through memmove.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Copy(ReadOnlySpan<ushort> src, Span<ushort> dst)
    {
        if (src.Length > 16)
        {
            src.CopyTo(dst);
            return;
        }

        for (int k = 0; k < src.Length; k++)
        {
            dst[k] = src[k];
        }
    }

    /// <summary>One row of subsampled chroma from v: pairs along x, and (4:2:0) the row below, bx values further on.</summary>
    private void EmitChromaRow(ReadOnlySpan<int> v, int rowStride, int width, Span<ushort> dst)
    {
        int d = _bitDepth;
        dst = dst[..(width >> 1)];
        if (_subY == 2)
        {
            var below = v.Slice(rowStride, width);
            v = v[..width];
            for (int k = 0; k < dst.Length; k++)
            {
                long sum = (long)v[2 * k] + v[(2 * k) + 1] + below[2 * k] + below[(2 * k) + 1];
                dst[k] = SampleConversion.Quad(sum, d);
            }
        }
        else
        {
            v = v[..width];
            for (int k = 0; k < dst.Length; k++)
            {
                dst[k] = SampleConversion.Pair((long)v[2 * k] + v[(2 * k) + 1], d);
            }
        }
    }

    /// <summary>Subsampled chroma: sums of 2×2 (4:2:0) or 2×1 (4:2:2) v from the chunk's buffer, spec §11.5.</summary>
    private void ConvertChroma(DecodeChunk chunk)
    {
        var first = chunk.Frames[0];
        int cw = first.PlaneWidth(1);
        int ch = first.PlaneHeight(1);
        int bw = chunk.BoxWidth;
        ForRange((long)chunk.Frames.Length * ch, cw * 8L, (start, end, _) =>
        {
            for (long r = start; r < end; r++)
            {
                int fi = (int)(r / ch);
                int cy = (int)(r % ch);
                for (int p = 1; p <= 2; p++)
                {
                    var src = chunk.ChromaValues![p - 1];
                    var dst = chunk.Frames[fi].Row(p, cy);
                    long row0 = (((long)fi * chunk.BoxHeight) + (_subY * cy)) * bw;
                    for (int cx = 0; cx < cw; cx++)
                    {
                        long i = row0 + (2 * cx);
                        long sum = (long)src[i] + src[i + 1];
                        if (_subY == 2)
                        {
                            sum += (long)src[i + bw] + src[i + bw + 1];
                            dst[cx] = SampleConversion.Quad(sum, _bitDepth);
                        }
                        else
                        {
                            dst[cx] = SampleConversion.Pair(sum, _bitDepth);
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// Runs <paramref name="body"/> over [0, count) split into contiguous ranges, on up to the configured number of
    /// threads when the work (count × <paramref name="costPerItem"/>) is worth it.
    /// </summary>
    private void ForRange(long count, long costPerItem, Action<long, long, DecodeWorkspace> body)
    {
        if (count <= 0)
        {
            return;
        }

        if (_threads <= 1 || count == 1 || count * costPerItem < _parallelThreshold)
        {
            var ws = Rent();
            body(0, count, ws);
            _workspaces.Add(ws);
        }
        else
        {
            int blocks = (int)Math.Min(count, _threads * 8L);
            Parallel.For(
                0,
                blocks,
                new ParallelOptions { MaxDegreeOfParallelism = _threads },
                Rent,
                (b, _, ws) =>
                {
                    body(count * b / blocks, count * (b + 1) / blocks, ws);
                    return ws;
                },
                _workspaces.Add);
        }

        FlushStatistics();
    }

    /// <summary>Moves the workers' cell counts into the shared statistics (no atomics on the hot path).</summary>
    private void FlushStatistics()
    {
        foreach (var ws in _workspaces)
        {
            for (int l = 0; l < ws.Cells.Length; l++)
            {
                if (ws.Cells[l] != 0)
                {
                    _stats.Add(l, ws.Cells[l]);
                    ws.Cells[l] = 0;
                }
            }
        }
    }

    private DecodeWorkspace Rent() => _workspaces.TryTake(out var ws) ? ws : new DecodeWorkspace(_net, _blockCells);
}
