namespace Asmr.Conformance.Tests.Reference;

/// <summary>
/// The motion field of a segment (model_version 4, and 5 and 6 with motion_block_log2 ≠ 0; spec §10.8): blocks of 2^E × 2^E luma samples, BY rows and BX
/// columns of them, and per frame f the vectors V[f][by][bx] = (V_y, V_x) in quarter luma samples, already summed
/// from the stored differences.
/// </summary>
internal sealed record SpecMotion(int E, int BY, int BX, int[][][][] V)
{
    public int Vy(int f, long by, long bx) => V[f][by][bx][0];

    public int Vx(int f, long by, long bx) => V[f][by][bx][1];
}
