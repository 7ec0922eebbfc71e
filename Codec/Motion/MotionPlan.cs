using Asmr.Codec.Training;
using Asmr.Container.Model;

namespace Asmr.Codec.Motion;

/// <summary>
/// What <see cref="MotionDecision"/> found for a segment: the field to code (null when motion is not used), the bytes
/// its record takes, the quality a perfect fit of the network's target would reach once warped, why, and that target.
/// </summary>
internal sealed record MotionPlan(MotionField? Field, int Bytes, double CeilingPsnr, string Reason, VideoClip? Aligned = null)
{
    public bool Used => Field is not null;
}
