using AssistanceApi.Treaty;

namespace AssistanceApi.Domain;

/// <summary>Who takes an action and when: the side of the acting State, the one time of the unit of work, the treaty's numbers.</summary>
public sealed record ActionContext(Side By, DateTimeOffset Now, TreatyOptions Options);
