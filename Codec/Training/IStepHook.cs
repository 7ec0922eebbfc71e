namespace Asmr.Codec.Training;

/// <summary>Lets a caller change the parameters around a training step (e.g. straight-through fake quantization).</summary>
internal interface IStepHook
{
    /// <summary>Called after zero_grad, before the forward pass.</summary>
    void BeforeForward();

    /// <summary>Called after backward, before the optimizer updates the parameters.</summary>
    void BeforeOptimizerStep();
}
