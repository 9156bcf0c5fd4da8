using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources.Cel;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

/// <summary>
/// The test server's CEL evaluator against cel-spec's conformance cases (tests/simple/testdata: logic,
/// basic, comparisons, fields, string, integer_math, lists, macros) that apply to what CRD rules do:
/// logic with error absorption, field selection and has() on maps, string comparison and functions,
/// size(), int arithmetic errors, lists and macros. Case names are cel-spec's (file/section/test).
/// Expected errors are cel-go's wording, which the API server puts into its messages.
/// </summary>
public sealed class CelConformanceTests
{
    private static readonly IReadOnlySet<string> Variables = new HashSet<string>(StringComparer.Ordinal) { "x" };

    public static TheoryData<string, string, object?> Values() => new()
    {
        { "logic/conditional/true_case", "true ? 1 : 2", 1L },
        { "logic/conditional/false_case", "false ? 'foo' : 'bar'", "bar" },
        { "logic/conditional/mixed_type", "true ? 'cows' : 17", "cows" },
        { "logic/AND/all_true", "true && true", true },
        { "logic/AND/all_false", "false && false", false },
        { "logic/AND/false_left", "false && true", false },
        { "logic/AND/false_right", "true && false", false },
        { "logic/AND/short_circuit_type_left", "false && 32", false },
        { "logic/AND/short_circuit_type_right", "'horses' && false", false },
        { "logic/AND/short_circuit_error_left", "false && (2 / 0 > 3 ? false : true)", false },
        { "logic/AND/short_circuit_error_right", "(2 / 0 > 3 ? false : true) && false", false },
        { "logic/OR/all_true", "true || true", true },
        { "logic/OR/all_false", "false || false", false },
        { "logic/OR/false_left", "false || true", true },
        { "logic/OR/false_right", "true || false", true },
        { "logic/OR/short_circuit_type_left", "true || 32", true },
        { "logic/OR/short_circuit_type_right", "'horses' || true", true },
        { "logic/OR/short_circuit_error_left", "true || (2 / 0 > 3 ? false : true)", true },
        { "logic/OR/short_circuit_error_right", "(2 / 0 > 3 ? false : true) || true", true },
        { "logic/NOT/not_true", "!true", false },
        { "logic/NOT/not_false", "!false", true },
        { "basic/self_eval_nonzeroish/self_eval_int_hex", "0x55555555", 1431655765L },
        { "basic/self_eval_nonzeroish/self_eval_int_negative_min", "-9223372036854775808", long.MinValue },
        { "basic/self_eval_nonzeroish/self_eval_uint_alias_hex", "0x55555555u", 1431655765UL },
        { "basic/self_eval_nonzeroish/self_eval_string_escape", "'\\x41\\u00e9\\U0001F600'", "Aé😀" },
        { "basic/self_eval_nonzeroish/self_eval_string_raw_prime", "r'\\n'", "\\n" },
        { "basic/self_eval_nonzeroish/self_eval_string_triple_quotes", "'''a'b''' + \"\"\"c\"\"\"", "a'bc" },
        { "basic/self_eval_zeroish/self_eval_null", "null", null },
        { "comparisons/eq_literal/eq_int", "1 == 1", true },
        { "comparisons/eq_literal/not_eq_int", "-1 == 1", false },
        { "comparisons/eq_literal/eq_string", "'' == \"\"", true },
        { "comparisons/eq_literal/not_eq_string", "'a' == 'b'", false },
        { "comparisons/eq_literal/eq_string_unicode", "'résumé' == 'résumé'", true },
        { "comparisons/eq_literal/eq_list_numbers", "[1, 2, 3] == [1, 2, 3]", true },
        { "comparisons/eq_literal/eq_mixed_types", "1.0 == 1", true },
        { "comparisons/eq_literal/eq_heterogeneous_string_int", "'1' == 1", false },
        { "comparisons/ne_literal/ne_string", "'abc' != ''", true },
        { "comparisons/lt_literal/lt_string", "'a' < 'b'", true },
        { "comparisons/lt_literal/lt_string_empty_to_nonempty", "'' < 'a'", true },
        { "comparisons/lt_literal/lt_string_case", "'Abc' < 'aBC'", true },
        { "comparisons/lt_literal/lt_string_prefix", "'abc' < 'abcd'", true },
        { "comparisons/lt_literal/not_lt_string_same", "'a' < 'a'", false },
        { "comparisons/lt_literal/lt_string_unicode", "'α' < 'β'", true },
        { "comparisons/gte_literal/gte_string_equal", "'abc' >= 'abc'", true },
        { "comparisons/lt_literal/lt_int_uint", "1 < 2u", true },
        { "comparisons/in_list_literal/elem_in_list", "'elem' in ['elem', 'elemA', 'elemB']", true },
        { "comparisons/in_list_literal/elem_not_in_list", "'not' in ['elem1', 'elem2', 'elem3']", false },
        { "comparisons/in_map_literal/key_in_map", "'key' in {'key':'1', 'other':'2'}", true },
        { "fields/map_fields/map_key_int64", "{0:1,2:2,5:true}[5]", true },
        { "fields/map_fields/map_key_uint64", "{0u:1u,2u:'happy',5u:3u}[2u]", "happy" },
        { "fields/map_fields/map_key_string", "{'name':100u}['name']", 100UL },
        { "fields/map_fields/map_key_bool", "{true:5}[true]", 5L },
        { "fields/map_fields/map_key_mix_type", "{true:1,2:2,5u:3}[true]", 1L },
        { "fields/map_fields/map_field_access", "x.name", 1024L },
        { "fields/has/map_has_key", "has({'a': 1, 'b': 2}.a)", true },
        { "fields/has/map_has_no_key", "has({'a': 1, 'b': 2}.c)", false },
        { "fields/has/has_on_variable", "has(x.name) && !has(x.other)", true },
        { "string/size/one_unicode", "size('ÿ')", 1L },
        { "string/size/unicode", "size('πέντε')", 5L },
        { "string/size/receiver", "'four'.size()", 4L },
        { "string/starts_with/basic_true", "'foobar'.startsWith('foo')", true },
        { "string/ends_with/basic_true", "'foobar'.endsWith('bar')", true },
        { "string/contains/basic_true", "'hubba'.contains('ubb')", true },
        { "string/matches/basic", "'hubba'.matches('ubb')", true },
        { "string/concatenation/concat_unicode", "'ταυ' + 'τα'", "ταυτα" },
        { "integer_math/int64_math/add_positive_negative", "42 + -7", 35L },
        { "integer_math/int64_math/mod_negative", "-34 % 5", -4L },
        { "integer_math/int64_math/div_negative", "-34 / 5", -6L },
        { "lists/concatenation/list_append", "[0, 1, 2] + [3, 4] == [0, 1, 2, 3, 4]", true },
        { "lists/index/zero_based", "[7, 8, 9][0]", 7L },
        { "lists/size/list_size", "size([1, 2, 3])", 3L },
        { "macros/exists/list_elem_some_true", "[1, 2, 3].exists(e, e == 2)", true },
        { "macros/exists/list_elem_error_shortcircuit", "[1, 'foo', 3].exists(e, e != '1')", true },
        { "macros/all/list_elem_all_true", "[1, 2, 3].all(e, e > 0)", true },
        { "macros/all/list_elem_error_shortcircuit", "[1, 'foo', 2].all(e, e % 2 == 1)", false },
        { "macros/all/map_key", "{'key1':1, 'key2':2}.all(k, k.startsWith('key'))", true },
        { "macros/exists_one/list_one_true", "[7].exists_one(e, e == 7)", true },
        { "macros/exists_one/list_many_true", "[7, 7].exists_one(e, e == 7)", false },
        { "macros/map/list_one", "[3].map(n, n * n) == [9]", true },
        { "macros/map/list_filter", "[1, 2, 3, 4].map(n, n % 2 == 0, n * 10) == [20, 40]", true },
        { "macros/filter/list_filter", "[1, 2, 3].filter(n, n > 1) == [2, 3]", true },
    };

    public static TheoryData<string, string, string> Errors() => new()
    {
        { "logic/conditional/error_case", "2 / 0 > 4 ? 'baz' : 'quux'", "division by zero" },
        { "logic/conditional/bad_type", "'cows' ? false : 17", "no such overload" },
        { "logic/AND/error_right", "true && 1/0 != 0", "division by zero" },
        { "logic/AND/error_left", "1/0 != 0 && true", "division by zero" },
        { "logic/AND/no_overload", "'less filling' && 'tastes great'", "no such overload" },
        { "logic/OR/error_right", "false || 1/0 != 0", "division by zero" },
        { "logic/OR/error_left", "1/0 != 0 || false", "division by zero" },
        { "logic/OR/no_overload", "'less filling' || 'tastes great'", "no such overload" },
        { "fields/map_fields/map_no_such_key", "{0:1,2:2,5:3}[1]", "no such key: 1" },
        { "fields/map_fields/map_field_select_no_such_key", "x.holiday", "no such key: holiday" },
        { "fields/map_fields/no_such_key_not_absorbed_by_false", "x.type != 'HostPath' || has(x.hostPath)", "no such key: type" },
        { "comparisons/lt_literal/lt_mixed_types_error", "'foo' < 1024", "no such overload" },
        { "string/size/no_overload", "size(7)", "no such overload" },
        { "integer_math/int64_math/int64_overflow_positive", "9223372036854775807 + 1", "integer overflow" },
        { "integer_math/int64_math/int64_overflow_negative", "-9223372036854775808 - 1", "integer overflow" },
        { "integer_math/int64_math/int64_divide_by_zero", "34 / 0", "division by zero" },
        { "integer_math/int64_math/int64_mod_by_zero", "34 % 0", "modulus by zero" },
        { "integer_math/int64_math/no_implicit_conversion", "1 + 1u", "no such overload" },
        { "lists/index/index_out_of_bounds", "[1, 2, 3][3]", "index out of bounds: 3" },
        { "macros/all/list_elem_type_exhaustive", "[1, 'foo', 3].all(e, e % 2 == 1)", "no such overload" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Evaluates_as_cel_spec_says(string @case, string expression, object? expected)
    {
        var value = Evaluate(expression);

        Assert.True(Equals(expected, value), $"{@case}: {expression} gave {value ?? "null"} ({value?.GetType().Name}), expected {expected ?? "null"}");
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void Fails_as_cel_spec_says(string @case, string expression, string error)
    {
        var e = Assert.Throws<CelEvaluationException>(() => Evaluate(expression));

        Assert.True(e.Message == error, $"{@case}: {expression} failed with \"{e.Message}\", expected \"{error}\"");
    }

    [Theory]
    [InlineData("syntax error", "1 +")]
    [InlineData("unbalanced parenthesis", "(1 + 2")]
    [InlineData("undeclared variable", "y == 1")]
    [InlineData("unknown function", "frobnicate(1)")]
    [InlineData("int literal out of range", "9223372036854775808")]
    public void An_expression_that_does_not_compile_is_refused_before_it_runs(string @case, string expression)
    {
        Assert.True(Record.Exception(() => CelProgram.Compile(expression, Variables)) is CelCompileException, @case);
    }

    private static object? Evaluate(string expression)
    {
        var x = CelValues.FromJson(JsonNode.Parse("{\"name\": 1024}"));
        return CelProgram.Compile(expression, Variables).Evaluate(new Dictionary<string, object?> { ["x"] = x });
    }
}
