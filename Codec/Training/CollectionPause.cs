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

    /// <summary>Guards <see cref="holders"/> and <see cref="regionStarted"/>.</summary>
    private static readonly Lock Gate = new();

    /// <summary>
    /// Calls of <see cref="Run{T}"/> under way, on any thread, nested ones included. The region is process-wide, so it
    /// starts with the first and ends with the last: one thread leaving cannot open a collection under another's torch
    /// call, and starting a region (which may collect) never happens while a call is inside.
    /// </summary>
    private static int holders;

    /// <summary>Whether this class started the current region (false when another owner had one, or the runtime refused).</summary>
    private static bool regionStarted;

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
        Enter();
        try
        {
            return work();
        }
        finally
        {
            Leave();
        }
    }

    private static void Enter()
    {
        lock (Gate)
        {
            if (holders++ > 0)
            {
                return;
            }

            try
            {
                regionStarted = GC.TryStartNoGCRegion(Budget);
            }
            catch (InvalidOperationException)
            {
                regionStarted = false; // a region someone else started: it protects the work too
            }
            catch (ArgumentOutOfRangeException)
            {
                regionStarted = false; // a runtime whose ephemeral space is smaller than the budget: run unprotected
            }
        }
    }

    private static void Leave()
    {
        lock (Gate)
        {
            if (--holders > 0 || !regionStarted)
            {
                return;
            }

            regionStarted = false;
            if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion)
            {
                try
                {
                    GC.EndNoGCRegion();
                }
                catch (InvalidOperationException)
                {
                    // The region ended by itself (the budget ran out): nothing to end.
                }
            }
        }
    }
}
