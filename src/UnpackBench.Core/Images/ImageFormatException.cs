namespace UnpackBench.Core.Images;

/// <summary>An image document (index, manifest, config) is malformed or of a kind we cannot benchmark.</summary>
public sealed class ImageFormatException : Exception
{
    /// <summary>Creates the exception with a message that says what is wrong with which document.</summary>
    public ImageFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception wrapping the parser's error.</summary>
    public ImageFormatException(string message, Exception inner) : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ImageFormatException() : base("the image document is malformed")
    {
    }
}
