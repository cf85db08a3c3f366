namespace AssistanceApi.Treaty;

/// <summary>The Convention's shape, as the digest records it (treaty-digest.md, "Structure" [V-S]).</summary>
public static class Convention
{
    /// <summary>Its articles are numbered 1 to 68: an article outside that range cites nothing.</summary>
    public const int Articles = 68;
}
