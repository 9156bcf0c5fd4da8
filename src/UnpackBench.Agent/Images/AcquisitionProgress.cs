namespace UnpackBench.Agent.Images;

/// <summary>Progress of acquiring an image: which blob, how many bytes of how many, and whether it was cached.</summary>
internal sealed record AcquisitionProgress(string What, long Bytes, long Total, bool Cached);
