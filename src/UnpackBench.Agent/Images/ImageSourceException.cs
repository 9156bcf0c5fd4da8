namespace UnpackBench.Agent.Images;

/// <summary>Why an image could not be acquired, in words the user can act on; never carries credentials.</summary>
internal sealed class ImageSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ImageSourceException(string message, ImageSourceFailure failure, Exception? inner = null)
        : base(message, inner)
    {
        Failure = failure;
    }

    /// <summary>What kind of failure, so callers can classify without parsing messages.</summary>
    public ImageSourceFailure Failure { get; }
}

/// <summary>Classes of acquisition failure.</summary>
internal enum ImageSourceFailure
{
    /// <summary>The registry or archive could not be reached/opened (network, TLS, missing file).</summary>
    Unreachable,

    /// <summary>The image, tag or blob does not exist.</summary>
    NotFound,

    /// <summary>Credentials are missing or rejected.</summary>
    Unauthorized,

    /// <summary>The content is not an image, is corrupt, or does not match its digest.</summary>
    Invalid,
}
