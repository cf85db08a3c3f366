namespace AssistanceApi.Treaty;

/// <summary>The Convention's shape, as the digest records it (treaty-digest.md, "Structure" [V-S]).</summary>
public static class Convention
{
    /// <summary>Its articles are numbered 1 to 68: an article outside that range cites nothing.</summary>
    public const int Articles = 68;

    /// <summary>
    /// The articles that establish its offences, as messages spell them (digest §3: "the 11 offenses established by the
    /// convention in Articles 7 to 17" [V-S]). Which article is one is the catalogue's (seeds/offences.json).
    /// </summary>
    public const string OffenceArticles = "7–17";
}
