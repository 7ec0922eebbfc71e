namespace Asmr.Container.Model;

/// <summary>The three axes of the coordinate grid, in the order they appear everywhere in the format.</summary>
public enum Axis
{
    /// <summary>Time (frame index within the segment).</summary>
    T = 0,

    /// <summary>Row.</summary>
    Y = 1,

    /// <summary>Column.</summary>
    X = 2,
}
