using Asmr.Container.Model;

namespace Asmr.Conformance.Generator;

/// <summary>
/// The output filter of a model_version 6 segment (spec §10.9, §11.9): its radius and coding, and how its seeded
/// coefficients are drawn (see <see cref="ModelSynthesizer"/>).
/// </summary>
/// <param name="Radius">Δ, 1..3: a diamond of 2Δ(Δ + 1) + 1 taps.</param>
/// <param name="Coding">How the output filter record is coded: raw or adaptive.</param>
/// <param name="Seed">The seed of the taps and of the offsets' jitter (independent of the network's).</param>
/// <param name="Gains">
/// Per plane, the sum of its coefficients in units of 2^−12, the filter's gain on a flat picture: 4096 keeps the level;
/// more stretches the plane around its pivot (the offset centres it), so sums leave 0..2^D − 1 and are clamped.
/// </param>
/// <param name="TapRange">The largest |coefficient| drawn for a tap other than (0, 0), which takes the rest of the gain.</param>
/// <param name="Pivots">
/// Per plane, the sample value the filter maps onto itself on a flat picture (the offset is (4096 − gain)·pivot plus a
/// jitter); null for mid-grey, 2^(D−1), in every plane.
/// </param>
/// <param name="LimitPlane">
/// A plane whose tap (0, 0) is 2^15 − 1, the largest coefficient allowed, the other taps sharing out the rest of the gain;
/// none for −1.
/// </param>
internal sealed record FilterRecipe(int Radius, EntropyCoding Coding, ulong Seed, int[] Gains, int TapRange, int[]? Pivots = null, int LimitPlane = -1);
