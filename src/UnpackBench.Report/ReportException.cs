namespace UnpackBench.Report;

/// <summary>The report cannot be drawn on this machine; the message says what to install.</summary>
public sealed class ReportException : Exception
{
    /// <summary>Creates the error.</summary>
    public ReportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its cause.</summary>
    public ReportException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the error without a message.</summary>
    public ReportException()
    {
    }
}
