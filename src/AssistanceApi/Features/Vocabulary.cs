using System.Text.Json.Nodes;
using AssistanceApi.Http;
using FluentValidation;
using FluentValidation.Results;

namespace AssistanceApi.Features;

/// <summary>
/// A string field whose values the core keeps as a closed list of names rather than a C# enum (a refusal's grounds):
/// on the wire it is an enum all the same, so a name outside the list is refused as binding refuses an enum's value,
/// 400 unknown-enum-value naming the values. What a value means stays the core's to decide.
/// </summary>
public static class Vocabulary
{
    public static IRuleBuilderOptionsConditions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> names) =>
        rule.Custom((value, context) =>
        {
            if (value is not null && names.Contains(value)) return;
            var error = JsonFieldErrors.NotOneOf(ValidationProblems.JsonPath(context.PropertyPath), names, JsonValue.Create(value));
            context.AddFailure(new ValidationFailure(context.PropertyPath, error.Reason) { ErrorCode = error.Code });
        });
}
