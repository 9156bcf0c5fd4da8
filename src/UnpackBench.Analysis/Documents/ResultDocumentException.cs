namespace UnpackBench.Analysis.Documents;

/// <summary>A text that should be a result document is not one (or not one this version reads); the message says why.</summary>
public sealed class ResultDocumentException : Exception
{
    /// <summary>Creates the error.</summary>
    public ResultDocumentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ResultDocumentException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the error without a message.</summary>
    public ResultDocumentException()
    {
    }
}
