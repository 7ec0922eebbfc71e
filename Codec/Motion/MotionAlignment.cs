using Asmr.Codec.Training;
using Asmr.Container.Model;
using Asmr.Decoder.Motion;

namespace Asmr.Codec.Motion;

/// <summary>
/// The source moved back along the field (F_t(q) = S_t(q − d(t, q))), the start of <see cref="MotionPreimage"/> and the
/// network's target when that is not used, read with the decoder's own warp and the field reversed, so that warping the fit forward
/// gives back the source (exactly where the field is locally a translation). The moved-back clip changes little over
/// time where the field follows the motion.
/// </summary>
internal static class MotionAlignment
{
    public static VideoClip Align(VideoClip video, MotionField field)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(field);
        var back = field.Negated();
        return new VideoClip([.. video.Frames.Select((frame, t) => MotionCompensation.Apply(frame, back, t))]);
    }
}
