using Asmr.Benchmarks.RateDistortion;

namespace Asmr.Benchmarks.Tests.Support;

/// <summary>The repository and the shared media beside it (../shared/media, or $ASMR_MEDIA), as the benchmark finds them.</summary>
internal static class Repository
{
    public static RepositoryPaths Paths { get; } = RepositoryPaths.Locate();
}
