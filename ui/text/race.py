"""Strings of the optimizer race page."""

from ui.text.common import STRINGS as _COMMON

_SAME = {  # one word per idea: the names and figure words the other pages use
    "race.racer.gd": "common.optimizer.gd",
    "race.racer.momentum": "common.optimizer.momentum",
    "race.racer.rmsprop": "common.optimizer.rmsprop",
    "race.racer.adam": "common.optimizer.adam",
    "race.map.play": "common.play",
    "race.map.pause": "common.pause",
    "race.map.step": "common.step",
    "race.map.start": "common.start",
    "race.map.global": "common.global_min",
    "race.map.local": "common.local_min",
    "race.map.saddle": "common.saddle",
    "race.loss.step": "common.step",
    "race.progress.step": "common.step",
    "race.settling.step": "common.step",
}

STRINGS = {key: dict(_COMMON[source]) for key, source in _SAME.items()} | {
    "race.title": {"en": "The optimizer race", "ko": "옵티마이저 경주"},
    "race.intro": {
        "en": "Every optimizer of this guide, and two relatives that show where RMSprop and "
        "momentum come from (AdaGrad and Nesterov momentum), starts from the same point on the "
        "same surface. The page counts the steps each needs to come close to a minimum and stay "
        "there. **What a race measures:** how these methods, with these learning rates, move on "
        "this surface, from this start, in this many steps. **What it does not:** which "
        "optimizer is best in general. Another start, rate or surface can turn the order "
        "around, and a real network has millions of coordinates and noisy gradients, which "
        "this map has not.",
        "ko": "이 안내서의 모든 옵티마이저와, RMSprop과 모멘텀이 어디서 왔는지 보여 주는 두 "
        "친척(AdaGrad와 네스테로프 모멘텀)이 같은 곡면의 같은 점에서 출발합니다. 페이지는 각 "
        "방법이 최솟값 가까이 가서 그대로 머물기까지 몇 단계가 걸리는지 셉니다. **경주가 재는 "
        "것:** 이 방법들이 이 학습률로, 이 곡면의 이 시작점에서, 이 단계 수 동안 어떻게 "
        "움직이는가. **재지 않는 것:** 어느 옵티마이저가 일반적으로 가장 좋은가. 시작점이나 "
        "학습률, 곡면이 바뀌면 순위가 뒤집힐 수 있고, 실제 신경망에는 이 지도에 없는 수백만 "
        "개의 좌표와 잡음 섞인 기울기가 있습니다.",
    },
    # -- sidebar
    "race.side_surface": {"en": "Surface", "ko": "곡면"},
    "race.surface": {"en": "Cost surface", "ko": "비용 곡면"},
    "race.surf.bowl": {"en": "Round bowl", "ko": "둥근 그릇"},
    "race.surf.elongated_bowl": {"en": "Elongated bowl", "ko": "길쭉한 그릇"},
    "race.surf.rosenbrock": {"en": "Rosenbrock valley", "ko": "로젠브록 골짜기"},
    "race.surf.beale": {"en": "Beale", "ko": "빌 함수"},
    "race.surf.himmelblau": {"en": "Himmelblau", "ko": "힘멜블라우 함수"},
    "race.surf.saddle": {"en": "Saddle", "ko": "안장"},
    "race.surf.rastrigin": {"en": "Rastrigin", "ko": "라스트리긴 함수"},
    "race.surf.multi_well": {"en": "Several wells", "ko": "우물 여러 개"},
    "race.surf.typed": {"en": "My function f(x, y)", "ko": "내 함수 f(x, y)"},
    "race.expression": {"en": "f(x, y) =", "ko": "f(x, y) ="},
    "race.expression_help": {
        "en": "Numbers, x, y, + − * / and ** (or ^) for powers, parentheses and functions such "
        "as `sin(x)`. The text is part of the link.",
        "ko": "숫자, x, y, + − * /, 거듭제곱 ** (또는 ^), 괄호, 그리고 `sin(x)` 같은 함수를 "
        "쓸 수 있습니다. 입력한 식은 링크에 담깁니다.",
    },
    "race.xlo": {"en": "x min", "ko": "x 최소"},
    "race.xhi": {"en": "x max", "ko": "x 최대"},
    "race.ylo": {"en": "y min", "ko": "y 최소"},
    "race.yhi": {"en": "y max", "ko": "y 최대"},
    "race.box_error": {
        "en": "Each range needs its minimum below its maximum (check {axes}).",
        "ko": "범위마다 최소가 최대보다 작아야 합니다({axes} 확인).",
    },
    "race.examples_title": {
        "en": "Examples (press one to use it, with its box):",
        "ko": "예시(누르면 그 식과 범위를 씁니다):",
    },
    "race.allowed_title": {"en": "What you may type", "ko": "입력할 수 있는 것"},
    "race.examples_text": {
        "en": "Numbers, x, y, the constants `pi` and `e`, + − * /, ** (or ^) for powers, "
        "parentheses, and the functions {functions}, each with one argument. What you type is "
        "never run as a program: it is read as a formula and checked piece by piece.",
        "ko": "숫자, x, y, 상수 `pi`와 `e`, + − * /, 거듭제곱 ** (또는 ^), 괄호, 그리고 인수가 "
        "하나인 함수 {functions}. 입력한 글은 프로그램으로 실행되지 않습니다. 수식으로 읽어서 한 "
        "조각씩 검사합니다.",
    },
    "race.example_help": {"en": "Box: {box}", "ko": "범위: {box}"},
    "race.fix_function": {
        "en": "The race waits for a function it can read: the message under the input in the "
        "sidebar says what to change.",
        "ko": "경주는 읽을 수 있는 함수를 기다립니다. 사이드바 입력란 아래의 메시지가 무엇을 "
        "고칠지 알려 줍니다.",
    },
    "race.side_racers": {"en": "Racers", "ko": "참가자"},
    "race.racers": {"en": "Who races", "ko": "경주에 나갈 옵티마이저"},
    "race.racer.nesterov": {"en": "Nesterov momentum", "ko": "네스테로프 모멘텀"},
    "race.racer.adagrad": {"en": "AdaGrad", "ko": "AdaGrad"},
    "race.racers_none": {
        "en": "Choose at least one racer in the sidebar.",
        "ko": "사이드바에서 참가자를 하나 이상 고르세요.",
    },
    "race.side_start": {"en": "Start", "ko": "시작점"},
    "race.x0": {"en": "Start x", "ko": "시작점 x"},
    "race.y0": {"en": "Start y", "ko": "시작점 y"},
    "race.start_help": {
        "en": "For exact values. You can also click the map.",
        "ko": "정확한 값을 고를 때 쓰세요. 지도를 눌러도 됩니다.",
    },
    "race.click_hint": {
        "en": "Or click the map: the start jumps to the nearest point of an invisible grid.",
        "ko": "지도를 눌러도 됩니다. 시작점이 보이지 않는 격자의 가장 가까운 점으로 옮겨 갑니다.",
    },
    "race.steps": {"en": "Number of steps", "ko": "단계 수"},
    "race.side_rates": {"en": "Learning rates", "ko": "학습률"},
    "race.fair": {"en": "Learning rate of each racer", "ko": "참가자별 학습률"},
    "race.fair.shared": {"en": "One shared rate", "ko": "모두 같은 학습률"},
    "race.fair.tuned": {"en": "Each its own best", "ko": "각자 가장 좋은 학습률"},
    "race.fair_help.shared": {
        "en": "Every racer steps with the shared rate α below.",
        "ko": "모든 참가자가 아래의 공통 학습률 α로 움직입니다.",
    },
    "race.fair_help.tuned": {
        "en": "Each racer runs with the rate among {rates} that does best on this surface from "
        "this start (section 4 says how it is chosen).",
        "ko": "참가자마다 {rates} 가운데 이 곡면, 이 시작점에서 가장 좋은 학습률로 달립니다(고르는 "
        "방법은 4절에 있습니다).",
    },
    "race.lr": {"en": "Shared learning rate α", "ko": "공통 학습률 α"},
    "race.schedule": {"en": "Learning-rate schedule", "ko": "학습률 스케줄"},
    "race.sched.constant": {"en": "Constant", "ko": "고정(줄이지 않음)"},
    "race.sched.inverse_time": {"en": "Inverse time: 1/(1 + k·t)", "ko": "역수 감소: 1/(1 + k·t)"},
    "race.sched.exponential": {"en": "Exponential: γᵗ", "ko": "지수 감소: γᵗ"},
    "race.sched.step_decay": {
        "en": "Step decay: halve every T steps",
        "ko": "계단식 감소: T단계마다 절반",
    },
    "race.param.inverse_time": {
        "en": "k (how fast 1/(1 + k·t) falls)",
        "ko": "k (1/(1 + k·t)가 줄어드는 빠르기)",
    },
    "race.param.exponential": {"en": "γ (factor per step)", "ko": "γ (단계마다 곱하는 수)"},
    "race.param.step_decay": {
        "en": "T (steps between halvings)",
        "ko": "T (절반으로 줄이는 간격, 단계 수)",
    },
    # -- the typed function's errors: what and where
    "race.err.empty": {
        "en": "Type a function of x and y, for example `x**2 + y**2`.",
        "ko": "x와 y의 함수를 입력하세요. 예: `x**2 + y**2`",
    },
    "race.err.too_long": {
        "en": "The expression has {detail} characters; at most {max_length} are allowed.",
        "ko": "식이 {detail}글자입니다. 최대 {max_length}글자까지 쓸 수 있습니다.",
    },
    "race.err.bad_char": {
        "en": "The character `{detail}` at position {position} cannot be used.",
        "ko": "{position}번째 글자(`{detail}`)는 쓸 수 없습니다.",
    },
    "race.err.unbalanced": {
        "en": "The parenthesis `{detail}` at position {position} has no partner.",
        "ko": "{position}번째 글자의 괄호(`{detail}`)에 짝이 없습니다.",
    },
    "race.err.too_deep": {
        "en": "Too many parentheses inside one another at position {position} (at most "
        "{max_depth} levels).",
        "ko": "{position}번째 글자에서 괄호가 너무 깊게 겹칩니다(최대 {max_depth}겹).",
    },
    "race.err.too_big": {
        "en": "The expression has too many parts ({detail}; at most {max_nodes}).",
        "ko": "식의 조각이 너무 많습니다({detail}개, 최대 {max_nodes}개).",
    },
    "race.err.syntax": {
        "en": "The expression cannot be read at position {position}: is a number, a sign or a "
        "parenthesis missing there?",
        "ko": "{position}번째 글자에서 식을 읽을 수 없습니다. 그 자리에 숫자나 기호, 괄호가 "
        "빠지지 않았는지 보세요.",
    },
    "race.err.missing_operator": {
        "en": "A multiplication sign is missing at position {position}: write `2*x`, not `2x`.",
        "ko": "{position}번째 글자에 곱셈 기호가 빠졌습니다. `2x`가 아니라 `2*x`처럼 쓰세요.",
    },
    "race.err.unknown_name": {
        "en": "Unknown name `{detail}` at position {position}: only x and y are allowed (and "
        "the constants `pi` and `e`).",
        "ko": "{position}번째 글자의 `{detail}`: 모르는 이름입니다. x와 y만 쓸 수 있습니다(상수 "
        "`pi`, `e`도 됩니다).",
    },
    "race.err.unknown_function": {
        "en": "Unknown function `{detail}` at position {position}; use one of: {functions}.",
        "ko": "{position}번째 글자의 `{detail}`: 모르는 함수입니다. 다음 가운데 하나를 쓰세요: "
        "{functions}.",
    },
    "race.err.bad_call": {
        "en": "The function `{detail}` at position {position} takes exactly one argument, as "
        "in `{detail}(x)`.",
        "ko": "{position}번째 글자의 함수 `{detail}`에는 인수를 정확히 하나 넣습니다. 예: "
        "`{detail}(x)`.",
    },
    "race.err.not_allowed": {
        "en": "Something at position {position} cannot be used: {what}. Write numbers, x, y, "
        "+ − * / ** and functions.",
        "ko": "{position}번째 글자에 쓸 수 없는 것이 있습니다: {what}. 숫자, x, y, + − * / **, "
        "함수만 쓰세요.",
    },
    "race.err.number_too_big": {
        "en": "The number {detail} at position {position} is too large (at most {max_number}).",
        "ko": "{position}번째 글자의 수 {detail}: 너무 큽니다(최대 {max_number}).",
    },
    "race.err.power_too_big": {
        "en": "The power {detail} at position {position} is too large: a constant exponent "
        "lies between −{max_exponent} and {max_exponent}, and a result within {max_number}.",
        "ko": "{position}번째 글자의 거듭제곱 {detail}: 너무 큽니다. 상수 지수는 "
        "−{max_exponent}부터 {max_exponent}까지, 결과는 {max_number} 이내여야 합니다.",
    },
    "race.err.not_finite": {
        "en": "The constant part {detail} at position {position} has no finite value (a "
        "division by zero, the log of 0, …).",
        "ko": "{position}번째 글자의 상수 부분 {detail}: 값이 유한하지 않습니다(0으로 나누기, "
        "0의 로그 같은 경우).",
    },
    "race.err.bad_box": {
        "en": "The box {detail} cannot be used: each minimum must lie below its maximum, all "
        "within ±{max_box}.",
        "ko": "범위 {detail}: 쓸 수 없습니다. 최소가 최대보다 작아야 하고, 모두 ±{max_box} "
        "이내여야 합니다.",
    },
    "race.not_allowed.attribute": {
        "en": "a dot after a name (as in `x.real`)",
        "ko": "이름 뒤의 점(예: `x.real`)",
    },
    "race.not_allowed.subscript": {"en": "indexing with `[ ]`", "ko": "`[ ]`로 꺼내기"},
    "race.not_allowed.lambda": {"en": "`lambda`", "ko": "`lambda` 식"},
    "race.not_allowed.comprehension": {
        "en": "a loop inside brackets (`for`)",
        "ko": "괄호 안의 반복(`for`)",
    },
    "race.not_allowed.conditional": {"en": "`if … else`", "ko": "조건식 `if … else`"},
    "race.not_allowed.comparison": {
        "en": "a comparison (`<`, `==`, …)",
        "ko": "비교(`<`, `==` 등)",
    },
    "race.not_allowed.and": {"en": "`and`", "ko": "연산자 `and`"},
    "race.not_allowed.or": {"en": "`or`", "ko": "연산자 `or`"},
    "race.not_allowed.not": {"en": "`not`", "ko": "연산자 `not`"},
    "race.not_allowed.~": {"en": "the operator `~`", "ko": "연산자 `~`"},
    "race.not_allowed.//": {"en": "the operator `//`", "ko": "연산자 `//`"},
    "race.not_allowed.%": {"en": "the operator `%`", "ko": "연산자 `%`"},
    "race.not_allowed.@": {"en": "the operator `@`", "ko": "연산자 `@`"},
    "race.not_allowed.&": {"en": "the operator `&`", "ko": "연산자 `&`"},
    "race.not_allowed.|": {"en": "the operator `|`", "ko": "연산자 `|`"},
    "race.not_allowed.<<": {"en": "the operator `<<`", "ko": "연산자 `<<`"},
    "race.not_allowed.>>": {"en": "the operator `>>`", "ko": "연산자 `>>`"},
    "race.not_allowed.:=": {"en": "the operator `:=`", "ko": "연산자 `:=`"},
    "race.not_allowed.starred": {"en": "a starred argument (`*a`)", "ko": "별표 인수(`*a`)"},
    "race.not_allowed.tuple": {
        "en": "several values separated by commas",
        "ko": "쉼표로 나열한 여러 값",
    },
    "race.not_allowed.list": {"en": "a list in square brackets", "ko": "대괄호 목록"},
    "race.not_allowed.set": {"en": "a set in curly braces", "ko": "중괄호 집합"},
    "race.not_allowed.dict": {"en": "a dictionary in curly braces", "ko": "중괄호 사전"},
    "race.not_allowed.string": {"en": "text in quotes", "ko": "따옴표 안의 글"},
    "race.not_allowed.complex": {"en": "a complex number (such as `2j`)", "ko": "복소수(예: `2j`)"},
    "race.not_allowed.constant": {
        "en": "`True`, `False` or `None`",
        "ko": "`True`, `False`, `None` 같은 상수",
    },
    "race.not_allowed.other": {"en": "this kind of expression", "ko": "이런 형태의 식"},
    # -- the page
    "race.now": {
        "en": "Now: {surface}, start {start}, {steps} steps, {rates}, schedule: {schedule}.",
        "ko": "지금: {surface}, 시작점 {start}, {steps}단계, {rates}, 스케줄: {schedule}.",
    },
    "race.now_shared": {"en": "one shared rate α = {lr}", "ko": "공통 학습률 α = {lr}"},
    "race.now_tuned": {"en": "each racer its own best rate", "ko": "참가자마다 가장 좋은 학습률"},
    "race.gaps": {
        "en": "f has no finite value at {count} points of the map (an overflow, a division by "
        "zero, or outside where log or sqrt are defined): they are left as gaps.",
        "ko": "지도의 점 {count}개에서 f의 값이 유한하지 않아(값이 넘치거나, 0으로 나누거나, "
        "로그나 제곱근을 정의할 수 없는 곳) 빈칸으로 남겼습니다.",
    },
    "race.bad_start": {
        "en": "f has no finite value at the start {start}: move the start with the sliders in "
        "the sidebar, or change the function or its box.",
        "ko": "시작점 {start}에서 f의 값이 유한하지 않습니다. 사이드바의 슬라이더로 시작점을 "
        "옮기거나, 함수나 범위를 바꾸세요.",
    },
    "race.rules_title": {"en": "The six racers and their rules", "ko": "여섯 참가자와 갱신 규칙"},
    "race.rules_text": {
        "en": "g is the gradient ∇f at the current point x; β = {beta} for momentum, Nesterov "
        "and RMSprop, β₁ = {beta} and β₂ = {beta2} for Adam, ε = {eps}.",
        "ko": "g는 현재 점 x에서의 기울기 ∇f입니다. 모멘텀, 네스테로프 모멘텀, RMSprop은 "
        "β = {beta}, Adam은 β₁ = {beta}, β₂ = {beta2}, ε = {eps}입니다.",
    },
    "race.rule.gd": {
        "en": "**Gradient descent**: one step against the slope.",
        "ko": "**경사 하강법**: 기울기 반대 방향으로 움직입니다.",
    },
    "race.rule.momentum": {
        "en": "**Momentum**: steps along an average of recent gradients, so zig-zags cancel.",
        "ko": "**모멘텀**: 최근 기울기의 평균 방향으로 움직여 지그재그가 상쇄됩니다.",
    },
    "race.rule.nesterov": {
        "en": "**Nesterov momentum**: momentum that takes the gradient where the step is about "
        "to land (the look-ahead point x − αβv), so it slows down earlier.",
        "ko": "**네스테로프 모멘텀**: 곧 도착할 곳(미리 내다본 점 x − αβv)에서 기울기를 재는 "
        "모멘텀이라 더 일찍 속도를 줄입니다.",
    },
    "race.rule.rmsprop": {
        "en": "**RMSprop**: divides each coordinate's step by the root of a weighted average "
        "of its squared gradients.",
        "ko": "**RMSprop**: 좌표마다 기울기 제곱의 지수 가중 평균을 구해, 그 제곱근으로 보폭을 "
        "나눕니다.",
    },
    "race.rule.adagrad": {
        "en": "**AdaGrad**: RMSprop's ancestor. It adds up every squared gradient instead of "
        "averaging them, so its steps shrink for ever; that is why RMSprop averages.",
        "ko": "**AdaGrad**: RMSprop의 조상. 기울기 제곱을 평균 내지 않고 모두 더하므로 보폭이 "
        "끝없이 작아집니다. RMSprop이 평균을 내는 까닭이 여기에 있습니다.",
    },
    "race.rule.adam": {
        "en": "**Adam**: momentum's average of gradients and RMSprop's average of squares, both "
        "bias-corrected.",
        "ko": "**Adam**: 모멘텀의 기울기 평균과 RMSprop의 제곱 평균을 함께 쓰고, 둘 다 편향 "
        "보정합니다.",
    },
    "race.list_sep": {"en": ", ", "ko": ", "},
    # 1. the map
    "race.s1_title": {"en": "1. The race on the map", "ko": "1. 지도 위의 경주"},
    "race.s1_text": {
        "en": "Each racer's path from the black ring. Press **Play** to watch them move step "
        "by step, or drag the slider under the map. **Click the map to move the start**: "
        "every path then runs again from there.",
        "ko": "검은 고리에서 출발한 참가자들의 경로입니다. **재생**을 누르면 단계마다 움직이는 "
        "모습이 보이고, 지도 아래 슬라이더로 원하는 단계에 갈 수도 있습니다. **지도를 누르면 "
        "시작점이 옮겨지고**, 모든 경로가 거기서 다시 출발합니다.",
    },
    "race.map.click": {"en": "Start here", "ko": "여기서 출발"},
    "race.map.x": {"en": "x", "ko": "x"},
    "race.map.y": {"en": "y", "ko": "y"},
    "race.look.map": {
        "en": "*What to look at:* where the paths from {start} go. The faint lines are the "
        "whole runs; the bright heads move when you press Play.",
        "ko": "*볼 곳:* {start}에서 출발한 경로가 어디로 가는지 보세요. 흐린 선은 전체 "
        "경로이고, 재생하면 밝은 머리가 움직입니다.",
    },
    "race.look.map_left": {
        "en": "Off the map: {items} (the run goes on outside; the table has its numbers).",
        "ko": "지도 밖으로 나간 참가자: {items}(경로는 밖에서도 이어지고, 수치는 표에 있습니다).",
    },
    "race.look.map_stay": {
        "en": "Every path stays on the map.",
        "ko": "모든 경로가 지도 안에 머뭅니다.",
    },
    "race.left_item": {"en": "{name} at step {step}", "ko": "{name} {step}단계"},
    "race.frames_note": {
        "en": "The animation shows {frames} of the {steps} steps, evenly spaced; the faint lines, "
        "the charts and the table have every step.",
        "ko": "애니메이션은 {steps}단계 가운데 고르게 고른 {frames}단계를 보여 줍니다. 흐린 선과 "
        "그래프, 표에는 모든 단계가 들어 있습니다.",
    },
    "race.diverged": {
        "en": "{name} diverged at step {step} (α = {lr}): its cost grew without bound, so its run "
        "stops there. Try a smaller rate or a decaying schedule.",
        "ko": "{name}: {step}단계에서 발산했습니다(α = {lr}). 비용이 끝없이 커져서 거기서 "
        "멈췄습니다. 학습률을 줄이거나 감소하는 스케줄을 써 보세요.",
    },
    # 2. who won
    "race.s2_title": {"en": "2. Who won, and why", "ko": "2. 누가 왜 이겼나"},
    "race.tol_minimum": {"en": "within {tol} of a minimum", "ko": "최솟값에서 {tol} 이내"},
    "race.tol_best": {
        "en": "within a share {tol} of the drop to the best value found ({best})",
        "ko": "찾은 가장 좋은 값({best})까지 내려간 폭의 {tol}배 이내",
    },
    "race.verdict_arrived": {
        "en": "**{name} wins**: it came {tol} at step {step} and stayed there.",
        "ko": "**1등은 {name}입니다**. {step}단계에 {tol}에 들어와 그대로 머물렀습니다.",
    },
    "race.verdict_where": {"en": "Its minimum: {point}.", "ko": "그 최솟값은 {point}입니다."},
    "race.verdict_next": {
        "en": "The next to arrive, {name}, needed {gap} more steps (step {step}).",
        "ko": "다음으로 들어온 {name}: {gap}단계 더 걸렸습니다({step}단계).",
    },
    "race.verdict_alone": {
        "en": "Nobody else arrived within {steps} steps.",
        "ko": "{steps}단계 안에 들어온 다른 참가자는 없습니다.",
    },
    "race.verdict_lowest": {
        "en": "Nobody came {tol} and stayed within {steps} steps; **{name} wins** by ending "
        "lowest, at f = {value}.",
        "ko": "{steps}단계 안에 {tol}에 들어와 머문 참가자는 없습니다. 그래서 1등은 가장 낮은 "
        "곳(f = {value})에서 끝난 **{name}**입니다.",
    },
    "race.verdict_lowest_next": {
        "en": "Runner-up: {name}, at f = {value}.",
        "ko": "2위: {name}, f = {value}.",
    },
    "race.verdict_all_diverged": {
        "en": "Every racer diverged, so nobody wins; {name} lasted longest (to step {step}). Try "
        "a smaller rate.",
        "ko": "모든 참가자가 발산해서 승자가 없습니다. 가장 오래 버틴 참가자: {name}({step}단계"
        "까지). 학습률을 줄여 보세요.",
    },
    "race.why_shared": {
        "en": "Why: all ran with the same α = {lr}, yet one α moves the methods very differently. "
        "Length of the first step from this start: {items}. With one rate the race says as "
        "much about the rate as about the methods (section 4).",
        "ko": "까닭: 모두 같은 α = {lr:으로/로} 달렸지만, 같은 α라도 방법마다 움직이는 거리가 "
        "전혀 다릅니다. 이 시작점에서 첫 이동 거리: {items}. 학습률이 하나뿐이면 경주는 "
        "방법만큼이나 그 학습률에 대해서도 말해 줍니다(4절).",
    },
    "race.why_tuned": {
        "en": "Why: each ran with its own best rate (the winner's: α = {lr}), so the order "
        "compares the methods at their best on this setting. Length of the first step from "
        "this start: {items}.",
        "ko": "까닭: 모두 저마다 가장 좋은 학습률로 달렸으므로(승자는 α = {lr}), 이 순위는 이 "
        "설정에서 가장 잘 달린 방법들끼리의 비교입니다. 이 시작점에서 첫 이동 거리: {items}.",
    },
    "race.step_item": {"en": "{name} {d}", "ko": "{name} {d}"},
    "race.col_racer": {"en": "Racer", "ko": "참가자"},
    "race.col_lr": {"en": "Rate α", "ko": "학습률 α"},
    "race.col_final": {"en": "Final cost f", "ko": "마지막 비용 f"},
    "race.col_arrived": {"en": "Arrived (step)", "ko": "도착 단계"},
    "race.col_diverged": {"en": "Diverged", "ko": "발산"},
    "race.col_left": {"en": "Left the map", "ko": "지도 이탈"},
    "race.col_near": {"en": "Minimum nearest the end", "ko": "끝점에서 가장 가까운 최솟값"},
    "race.never": {"en": "not in {steps} steps", "ko": "{steps}단계 안에 못 옴"},
    "race.at_step": {"en": "step {step}", "ko": "{step}단계"},
    "race.no": {"en": "no", "ko": "없음"},
    "race.table_caption": {
        "en": "Rows in the order of the race ({steps} steps): who arrived soonest first, then "
        "who ended lowest, the diverged last.",
        "ko": "행은 경주의 순위 순서입니다({steps}단계). 먼저 빨리 도착한 순, 그다음 낮은 곳에서 "
        "끝난 순이고, 발산한 참가자는 맨 뒤입니다.",
    },
    "race.arrival_minimum": {
        "en": "Arrived: from that step to the end, within {tol} of the nearest known minimum.",
        "ko": "도착: 그 단계부터 끝까지 가장 가까운 알려진 최솟값에서 {tol} 이내에 머묾.",
    },
    "race.arrival_best": {
        "en": "No minimum is known here. Arrived: from that step to the end, f − f* stays within "
        "{tol} of the drop f(start) − f*, where f* = {best} is the lowest value any racer found.",
        "ko": "여기서는 최솟값을 미리 알 수 없습니다. 도착: 그 단계부터 끝까지 f − f*가 "
        "f(시작점) − f*의 {tol}배 이내에 머묾. f* = {best:은/는} 참가자들이 찾은 가장 낮은 "
        "값입니다.",
    },
    # 3. cost and rate per step
    "race.s3_title": {
        "en": "3. Cost and learning rate, step by step",
        "ko": "3. 단계별 비용과 학습률",
    },
    "race.s3_text": {
        "en": "Top: how far each racer's cost is above f* (log scale: each grid line is ten "
        "times the one below). Bottom: the learning rate α(t) each step used, as the schedule "
        "sets it. Under them, the distance that decides the race, with its tolerance.",
        "ko": "위: 참가자마다 비용이 f*보다 얼마나 높은지(로그 눈금: 눈금 하나 위가 열 배). "
        "아래: 스케줄에 따라 각 단계가 쓴 학습률 α(t). 그 밑의 그래프는 경주를 가르는 거리와 "
        "허용 오차입니다.",
    },
    "race.loss.gap": {"en": "f − f* (f* = {v})", "ko": "f − f* (f* = {v})"},
    "race.loss.alpha": {"en": "α(t)", "ko": "α(t)"},
    "race.look.loss": {
        "en": "*What to look at:* the steeper a curve falls, the faster that racer gains; a flat "
        "stretch is a plateau or a jitter. Lowest at step {steps}: {name}, with f − f* {gap}.",
        "ko": "*볼 곳:* 곡선이 가파르게 떨어질수록 빨리 내려가는 것이고, 평평한 구간은 정체나 "
        "흔들림입니다. {steps}단계에서 가장 낮은 참가자: {name}(f − f* {gap}).",
    },
    "race.look.loss_none": {
        "en": "*What to look at:* every racer diverged; each curve ends where its run stopped.",
        "ko": "*볼 곳:* 모든 참가자가 발산해서 곡선마다 멈춘 곳에서 끝납니다.",
    },
    "race.look.alpha": {
        "en": "Below: α is {first} at the first step and {last} at step {steps}.",
        "ko": "아래: α는 첫 단계에 {first}, {steps}단계에 {last}입니다.",
    },
    "race.look.alpha_tuned": {
        "en": "Below: each racer's own rate, as the schedule shrinks it.",
        "ko": "아래: 참가자마다 자기 학습률이 스케줄에 따라 바뀌는 모습입니다.",
    },
    "race.progress.distance": {
        "en": "distance to the nearest minimum",
        "ko": "가장 가까운 최솟값까지 거리",
    },
    "race.progress.share": {"en": "share of the drop still to go", "ko": "남은 낙폭의 비율"},
    "race.progress.tolerance": {"en": "tolerance", "ko": "허용 오차"},
    "race.look.progress_minimum": {
        "en": "*What to look at:* the dotted line is the tolerance {tol}; a dot marks the step "
        "from which a racer stays inside it.",
        "ko": "*볼 곳:* 점선은 허용 오차 {tol}이고, 점은 참가자가 그 안에 머물기 시작한 "
        "단계입니다.",
    },
    "race.look.progress_best": {
        "en": "*What to look at:* no minimum is known, so the chart shows (f − f*)/(f(start) − f*) "
        "with f* = {best}, the best value found; the dotted line is the tolerance {tol}, a dot "
        "the step from which a racer stays under it.",
        "ko": "*볼 곳:* 최솟값을 알 수 없으므로 찾은 가장 좋은 값 f* = {best}에 대해 "
        "(f − f*)/(f(시작점) − f*)를 그렸습니다. 점선은 허용 오차 {tol}이고, 점은 참가자가 그 "
        "아래에 머물기 시작한 단계입니다.",
    },
    "race.look.progress": {"en": "Arrivals: {items}.", "ko": "도착: {items}."},
    "race.look.progress_none": {
        "en": "Nobody arrived within {steps} steps.",
        "ko": "{steps}단계 안에 도착한 참가자가 없습니다.",
    },
    "race.arrived_item": {"en": "{name} at step {step}", "ko": "{name} {step}단계"},
    # 4. fairness
    "race.s4_title": {"en": "4. Is the race fair?", "ko": "4. 공정한 경주인가?"},
    "race.wins": {"en": "**{name} wins**", "ko": "1등은 **{name}**입니다"},
    "race.nobody_wins": {
        "en": "nobody wins (every racer diverges)",
        "ko": "모두 발산해서 승자가 없습니다",
    },
    "race.fair_changed": {
        "en": "With one shared rate (α = {lr}) {shared}; with each its own best rate ({rates}) "
        "{tuned}.",
        "ko": "모두가 같은 학습률 하나(α = {lr})를 쓰면 {shared}. 저마다 가장 좋은 "
        "학습률({rates})을 쓰면 {tuned}.",
    },
    "race.fair_same": {
        "en": "Both with one shared rate (α = {lr}) and with each its own best rate ({rates}): "
        "{shared}.",
        "ko": "같은 학습률 하나(α = {lr})를 쓸 때도, 저마다 가장 좋은 학습률({rates})을 쓸 "
        "때도 {shared}.",
    },
    "race.fair_why": {
        "en": "A race with one rate mostly measures how well that rate suits each method: "
        "gradient descent's step is α times the slope, RMSprop's and Adam's about α whatever "
        "the slope, so the same α means very different steps.",
        "ko": "학습률이 하나뿐인 경주는 대체로 그 학습률이 각 방법에 얼마나 맞는지를 잽니다. "
        "경사 하강법의 보폭은 기울기의 α배이고, RMSprop과 Adam의 보폭은 기울기와 상관없이 "
        "대략 α이므로, 같은 α라도 보폭이 전혀 다릅니다.",
    },
    "race.rate_item": {"en": "{name} {lr}", "ko": "{name} {lr}"},
    "race.s4_how": {
        "en": "How each racer's own rate is chosen: the race is run with every rate of the grid "
        "{rates}, on this surface, from this start, with this schedule and number of steps (one "
        "run per racer steps all of them at once). The racer gets the rate that ranks first by "
        "the race's own rule: it does not diverge, it arrives soonest, and among rates that "
        "never arrive the lowest final cost wins; a tie goes to the smaller rate.",
        "ko": "각 참가자의 학습률을 고르는 방법: 격자 {rates}의 모든 학습률로 이 곡면, 이 "
        "시작점, 이 스케줄과 단계 수의 경주를 달립니다(참가자마다 한 번의 실행으로 모든 "
        "학습률을 한꺼번에 계산합니다). 경주의 규칙으로 1등인 학습률을 고릅니다. 발산하지 않고, "
        "가장 빨리 도착하고, 아무 학습률도 도착하지 못하면 마지막 비용이 가장 낮은 것이며, "
        "같으면 더 작은 학습률입니다.",
    },
    "race.tuning_title": {"en": "The rate search, rate by rate", "ko": "학습률 탐색 결과"},
    "race.tuning_caption": {
        "en": "Each cell is the step at which that rate arrived, “—” when it never did, “↑k” when "
        "it diverged at step k; the bold cell is the rate chosen.",
        "ko": "칸마다 그 학습률로 도착한 단계입니다. “—”는 도착하지 못함, “↑k”는 k단계에서 "
        "발산함을 뜻하고, 굵은 칸이 고른 학습률입니다.",
    },
    "race.rmsprop_note": {
        "en": "RMSprop's own rate here is {lr}: at {next} or more it never stays within {tol} of "
        "the minimum. Not for lack of speed: at a constant rate RMSprop ends hopping back and "
        "forth around the minimum at a distance of about α/√2 ({hop} at α = {next}), wider than "
        "the tolerance. Section 6 shows this jitter, and how a decaying rate removes it.",
        "ko": "여기서 RMSprop의 학습률은 {lr}입니다. {next} 이상이면 최솟값에서 {tol} 이내에 "
        "머물지 못합니다. 느려서가 아닙니다. 학습률이 일정하면 RMSprop은 결국 최솟값 둘레를 "
        "대략 α/√2 거리(α = {next}이면 {hop})에서 왔다 갔다 하는데, 이 거리가 허용 오차보다 "
        "큽니다. 6절에서 이 흔들림과, 학습률을 줄여 가며 그것을 없애는 모습을 볼 수 있습니다.",
    },
    # 5. the surface in 3-D
    "race.s5_title": {"en": "5. The same race on the surface", "ko": "5. 곡면 위에서 본 같은 경주"},
    "race.s5_text": {
        "en": "Heights are f above the map's lowest value. Pick a camera, or drag to turn the "
        "view.",
        "ko": "높이는 지도의 가장 낮은 값에서 잰 f입니다. 카메라를 고르거나 끌어서 돌려 보세요.",
    },
    "race.height": {"en": "f − lowest value", "ko": "f − 최저값"},
    "race.height_log": {"en": "f − lowest value (log scale)", "ko": "f − 최저값 (로그 눈금)"},
    "race.look.surface": {
        "en": "*What to look at:* the paths start at f = {start}; {name}, first in the ranking, "
        "ends at f = {value}.",
        "ko": "*볼 곳:* 경로는 f = {start}에서 출발하고, 순위 1위인 {name}의 마지막 값은 "
        "f = {value}입니다.",
    },
    # 6. schedules
    "race.s6_title": {
        "en": "6. Learning-rate schedules: settling instead of jittering",
        "ko": "6. 학습률 스케줄: 흔들리지 않고 자리 잡기",
    },
    "race.s6_text": {
        "en": "A schedule multiplies the rate of step t by a factor c(t) that starts at 1 and "
        "falls: 1/(1 + k·t), γᵗ, or a halving every T steps; it applies to every racer. Early on, "
        "big steps cover ground; late, small steps let a method settle instead of hopping "
        "around the minimum. The schedule chosen in the sidebar, with the shared rate:",
        "ko": "스케줄은 t단계의 학습률에 1에서 시작해 줄어드는 인수 c(t)를 곱합니다. "
        "1/(1 + k·t), γᵗ, 또는 T단계마다 절반으로 줄이기가 있고, 모든 참가자에게 똑같이 "
        "적용됩니다. 처음에는 큰 보폭으로 멀리 가고, 나중에는 작은 보폭으로 최솟값 둘레를 "
        "맴돌지 않고 자리를 잡습니다. 사이드바에서 고른 스케줄과 공통 학습률:",
    },
    "race.s6_case": {
        "en": "A case: RMSprop on the round bowl from {start} with α = {lr}. At a constant rate "
        "it ends in a two-step cycle: each coordinate flips between ±α/2, so the distance to "
        "the minimum stays α/√2 = {expected} for ever (at most {constant} over the last {tail} "
        "steps). The same cycle is why, at a constant rate, RMSprop stays within the race's "
        "tolerance {tol} only for α up to about {limit}. With exponential decay (γ = {gamma}) the "
        "rate is down to {final_rate} by step {steps}, and the distance over the last {tail} "
        "steps is at most {decayed}: {ratio} times calmer.",
        "ko": "예: 둥근 그릇에서 {start}부터 α = {lr}인 RMSprop. 학습률이 일정하면 두 단계짜리 "
        "순환에 빠집니다. 좌표마다 ±α/2 사이를 오가므로 최솟값까지 거리가 계속 α/√2 = "
        "{expected}에 머뭅니다(마지막 {tail}단계 동안 최대 {constant}). 같은 순환 때문에 학습률이 "
        "일정한 RMSprop은 α가 대략 {limit} 이하일 때만 경주의 허용 오차 {tol} 안에 머뭅니다. "
        "지수 감소(γ = {gamma})를 쓰면 {steps}단계에서 학습률이 {final_rate}까지 줄고, 마지막 "
        "{tail}단계 동안 거리는 최대 {decayed}입니다. {ratio}배 잔잔해졌습니다.",
    },
    "race.settling.distance": {"en": "distance to the minimum", "ko": "최솟값까지 거리"},
    "race.settling.constant": {"en": "constant α = {lr}", "ko": "일정한 α = {lr}"},
    "race.settling.decayed": {
        "en": "exponential decay, γ = {gamma}",
        "ko": "지수 감소, γ = {gamma}",
    },
    "race.settling.expected": {
        "en": "the cycle's distance α/√2 = {expected}",
        "ko": "순환의 거리 α/√2 = {expected}",
    },
    "race.look.settling": {
        "en": "*What to look at:* solid, the constant rate. At step {dip_step} RMSprop passes "
        "{dip} from the minimum, and is thrown back out: as the gradients shrink, their average "
        "s shrinks with them, so the step α·g/√s stays near α, and the distance settles at about "
        "{expected} (the dotted line). Dashed, the decaying rate: it keeps shrinking, to at most "
        "{decayed} over the last {tail} steps.",
        "ko": "*볼 곳:* 실선은 일정한 학습률입니다. RMSprop은 {dip_step}단계에 최솟값까지 {dip} 거리로 "
        "다가갔다가 도로 튕겨 나갑니다. 기울기가 작아지면 그 평균 s도 함께 작아져 보폭 "
        "α·g/√s가 여전히 α 가까이 되므로, 거리는 대략 {expected}(점선)에 머뭅니다. 파선은 "
        "줄어드는 학습률로, 거리가 계속 줄어 마지막 {tail}단계 동안 최대 {decayed}입니다.",
    },
    "race.roundoff": {"en": "< {floor} (round-off)", "ko": "< {floor} (반올림 오차)"},
    "race.try": {
        "en": "choose the {surface} (its start is {start}) with the shared rate {lr}: {shared}. "
        "Switch to “Each its own best”: {tuned}. Then pick “My function”, type "
        "`x**2 + 10*sin(y)` and click the map in different places: which dip does each racer "
        "end in?",
        "ko": "{surface:을/를} 고르세요(시작점 {start}, 공통 학습률 {lr}): {shared}. “각자 "
        "가장 좋은 학습률”로 바꾸면: {tuned}. 그다음 “내 함수 f(x, y)”를 골라 "
        "`x**2 + 10*sin(y)`를 입력하고 지도의 여러 곳을 눌러 보세요. 참가자마다 어느 골짜기에서 "
        "끝나나요?",
    },
}
