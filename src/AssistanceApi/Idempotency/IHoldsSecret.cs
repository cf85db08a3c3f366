namespace AssistanceApi.Idempotency;

/// <summary>A response that carries a secret (a new key): it is stored for replay only as <see cref="WithoutSecret"/>.</summary>
public interface IHoldsSecret
{
    object WithoutSecret();
}
