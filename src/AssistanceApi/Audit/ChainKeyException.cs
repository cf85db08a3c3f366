namespace AssistanceApi.Audit;

/// <summary>
/// The chain key is missing or unusable: the server must not start, and says why in one message rather than a
/// stack trace.
/// </summary>
public sealed class ChainKeyException(string message) : InvalidOperationException(message);
