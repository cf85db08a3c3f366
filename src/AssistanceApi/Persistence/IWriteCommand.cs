namespace AssistanceApi.Persistence;

/// <summary>Marks a Mediator message whose handler writes: it runs inside one unit of work.</summary>
public interface IWriteCommand;

/// <summary>
/// A write whose body was streamed rather than buffered, so the Idempotency-Key fingerprint taken before the handler
/// could not include it: the command says what arrived (e.g. the content's SHA-256), and that completes it.
/// </summary>
public interface IStreamedWriteCommand : IWriteCommand
{
    string ContentFingerprint { get; }
}
