using System.Runtime;

namespace Asmr.Codec.Training;

/// <summary>
/// Runs torch work with garbage collection held off. TorchSharp hands libtorch the native handles of temporary Scalars
/// without keeping the objects alive (its own: the alpha of <c>Tensor + Tensor</c>, Adam's coefficients), so a collection
/// that another thread (a progress display) triggers during such a call can finalise the Scalar while libtorch reads it:
/// c10 "Expected false to be true" in <c>Scalar::toFloat</c>, or a crash. Inside a no-GC region no collection happens
/// unless the work allocates more than the region's budget, which one training step does not come near.
/// </summary>
internal static class CollectionPause
{
    /// <summary>Managed bytes the work may allocate before the runtime collects anyway (ending the protection).</summary>
    private const long Budget = 64L << 20;

    public static void Run(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Run(() =>
        {
            work();
            return 0;
        });
    }

    public static T Run<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
        {
            return work(); // already inside one (the caller's)
        }

        bool started;
        try
        {
            started = GC.TryStartNoGCRegion(Budget);
        }
        catch (InvalidOperationException)
        {
            started = false; // another thread started one first
        }
        catch (ArgumentOutOfRangeException)
        {
            started = false; // a runtime whose ephemeral space is smaller than the budget: run unprotected
        }

        try
        {
            return work();
        }
        finally
        {
            if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // The region ended by itself (the budget ran out, or another thread ended it): nothing to end.
                }
            }
        }
    }
}
