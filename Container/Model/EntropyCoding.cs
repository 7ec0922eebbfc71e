namespace Asmr.Container.Model;

/// <summary>How a tensor's integers are stored in the payload. Spec §10.4–§10.7.</summary>
public enum EntropyCoding : byte
{
    /// <summary>Zig-zag mapped, LEB128 variable-length integers, one after another.</summary>
    Raw = 0,

    /// <summary>Adaptive binary range coder with a per-tensor context set (spec §10.5).</summary>
    Adaptive = 1,

    /// <summary>
    /// The grid's context model predicts each latent's Laplace distribution (spec §10.6, §10.7); only a model_version 3
    /// grid latents record, and every one of them, uses it.
    /// </summary>
    Context = 2,
}
