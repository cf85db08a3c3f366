namespace AssistanceApi.Treaty;

/// <summary>
/// The closed list of grounds on which a requested State may refuse (Arts. 40(9), 40(21), 40(22)), and the
/// grounds the Convention forbids as the basis of a refusal (Arts. 40(8), 40(23)).
/// </summary>
public static class RefusalGrounds
{
    public static readonly IReadOnlyDictionary<string, string> Allowed = new Dictionary<string, string>
    {
        ["not-in-conformity"] = "uncc-40-21-a",
        ["essential-interests"] = "uncc-40-21-b",
        ["domestic-law-prohibits"] = "uncc-40-21-c",
        ["contrary-to-legal-system"] = "uncc-40-21-d",
        ["discrimination-risk"] = "uncc-40-22",
        ["no-dual-criminality"] = "uncc-40-9",
    };

    public static readonly IReadOnlyDictionary<string, string> Forbidden = new Dictionary<string, string>
    {
        ["bank-secrecy"] = "uncc-40-8",
        ["fiscal-matters"] = "uncc-40-23",
    };

    /// <summary>
    /// Every name a refusal may give: the forbidden ones too, so that refusing on them is a breach of the Convention
    /// and not a misspelling.
    /// </summary>
    public static readonly IReadOnlyList<string> Named = [.. Allowed.Keys, .. Forbidden.Keys];

    public const string ClosedListProvision = "uncc-40-21";
    public const string ReasonsProvision = "uncc-40-24";
}
