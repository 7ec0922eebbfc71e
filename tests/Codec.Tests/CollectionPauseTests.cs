using System.Runtime;
using Asmr.Codec.Training;

namespace Asmr.Codec.Tests;

/// <summary>
/// Torch work runs inside a no-GC region, so that no collection can finalise a temporary Scalar TorchSharp is still
/// passing to libtorch; the region must end with the work, also when it throws, and nest harmlessly.
/// </summary>
public sealed class CollectionPauseTests
{
    [Fact]
    public void Work_runs_with_collection_held_off_and_the_region_ends_afterwards()
    {
        var inside = CollectionPause.Run(() => GCSettings.LatencyMode);

        Assert.Equal(GCLatencyMode.NoGCRegion, inside);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void No_collection_happens_during_the_work_while_it_allocates_within_the_budget()
    {
        int before = GC.CollectionCount(0);
        int during = CollectionPause.Run(() =>
        {
            var garbage = new List<byte[]>();
            for (int i = 0; i < 1000; i++)
            {
                garbage.Add(new byte[10_000]);
                garbage.Clear();
            }

            return GC.CollectionCount(0);
        });

        // Starting the region may itself collect; nothing collects after that.
        Assert.True(during - before <= 1, $"{during - before} collections");
    }

    [Fact]
    public void A_nested_pause_runs_inside_the_outer_region()
    {
        var modes = CollectionPause.Run(() => (GCSettings.LatencyMode, CollectionPause.Run(() => GCSettings.LatencyMode), GCSettings.LatencyMode));

        Assert.Equal((GCLatencyMode.NoGCRegion, GCLatencyMode.NoGCRegion, GCLatencyMode.NoGCRegion), modes);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public void Work_that_throws_still_ends_the_region()
    {
        Assert.Throws<InvalidOperationException>(() => CollectionPause.Run(() => throw new InvalidOperationException("work failed")));

        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    [Fact]
    public async Task The_region_lasts_until_the_last_thread_inside_leaves()
    {
        // The thread that started the region leaves first; the one that joined it is still inside and still protected.
        using var secondInside = new ManualResetEventSlim();
        using var firstLeft = new ManualResetEventSlim();
        Task<GCLatencyMode>? second = null;
        CollectionPause.Run(() =>
        {
            second = Task.Run(() => CollectionPause.Run(() =>
            {
                secondInside.Set();
                Assert.True(firstLeft.Wait(TimeSpan.FromSeconds(30)), "the first thread never left");
                return GCSettings.LatencyMode;
            }));
            Assert.True(secondInside.Wait(TimeSpan.FromSeconds(30)), "the second thread never entered");
        });
        firstLeft.Set();

        Assert.Equal(GCLatencyMode.NoGCRegion, await second!);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}

/// <summary>Runs <see cref="CollectionPauseTests"/> with no other test class beside it.</summary>
[CollectionDefinition(nameof(CollectionPauseTests), DisableParallelization = true)]
public sealed class CollectionPauseTestsRunAlone;
