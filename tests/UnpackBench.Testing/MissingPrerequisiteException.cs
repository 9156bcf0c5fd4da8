namespace UnpackBench.Testing;

/// <summary>
/// A real part a test needs (a binary, root, a kernel feature) is absent. The message says how to get it.
/// Tests let it propagate so they fail rather than skip.
/// </summary>
public sealed class MissingPrerequisiteException : Exception
{
    public MissingPrerequisiteException()
    {
    }

    public MissingPrerequisiteException(string message)
        : base(message)
    {
    }

    public MissingPrerequisiteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
