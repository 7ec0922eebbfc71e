// The tests in this assembly train networks in-process. TorchSharp passes temporary Scalars (the implicit alpha of
// a + b, Adam's coefficients) to native calls without keeping them alive, so a garbage collection that another
// thread triggers during such a call can finalize the Scalar while libtorch reads it (c10 "Scalar::toFloat" errors,
// seen about once in five full runs with parallel test classes). Running the classes one after another leaves no
// other thread allocating during training.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
