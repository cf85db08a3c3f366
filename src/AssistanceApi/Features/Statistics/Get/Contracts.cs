using AssistanceApi.Features.Requests;
using FastEndpoints;
using FluentValidation;

namespace AssistanceApi.Features.Statistics.Get;

public sealed class StatisticsRequest
{
    /// <summary>First day of submission counted (YYYY-MM-DD); default: one year before to.</summary>
    [QueryParam] public DateOnly? From { get; init; }

    /// <summary>Last day of submission counted (YYYY-MM-DD); default: today.</summary>
    [QueryParam] public DateOnly? To { get; init; }
}

public sealed class StatisticsValidator : Validator<StatisticsRequest>
{
    public StatisticsValidator()
    {
        // Each end alone first: the window is computed from them (to + 1 day, from = to - 1 year).
        RuleFor(r => r.From).CalendarDate("from");
        RuleFor(r => r.To).CalendarDate("to");
        RuleFor(r => r).Must(r => r.From is null || r.To is null || (r.From <= r.To && r.To.Value.DayNumber - r.From.Value.DayNumber <= 3660))
            .WithName("from").WithErrorCode("invalid-period").WithMessage("from must not be after to, and the period at most ten years.");
    }
}

public sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    string Scope,
    IReadOnlyList<KindStatusCount> ByKindAndStatus,
    Duration DaysToAcknowledgement,
    Duration DaysToCompletion,
    IReadOnlyList<GroundCount> RefusalGrounds,
    IReadOnlyList<PairCount> Pairs);

// Classes, not positional records: with no rows SQLite reports computed columns' types loosely, and Dapper
// matches a record's constructor by those types before it reads anything.
public sealed class KindStatusCount
{
    public string Kind { get; init; } = "";
    public string Status { get; init; } = "";
    public long Count { get; init; }
}

/// <summary>Days between two moments over the requests that reached the second; null when none did.</summary>
public sealed record Duration(long Count, double? Median, double? P90);

public sealed class GroundCount
{
    public string Ground { get; init; } = "";
    public string Provision { get; init; } = "";
    public long Count { get; init; }
}

public sealed class PairCount
{
    public string RequestingState { get; init; } = "";
    public string RequestedState { get; init; } = "";
    public long Submitted { get; init; }
    public long Open { get; init; }
    public long Executed { get; init; }
    public long Refused { get; init; }
}
