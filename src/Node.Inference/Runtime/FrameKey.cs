namespace Node.Inference.Runtime;

/// <summary>Where a frame sits in a pipeline run: its instance's index in the input, its own index from 0, and its instance's number of frames.</summary>
internal readonly record struct FrameKey(int Instance, int Frame, int FrameCount);
