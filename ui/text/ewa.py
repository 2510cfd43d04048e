"""Strings of the exponentially weighted averages page."""

from ui.text.data import STRINGS as _DATA

STRINGS = {
    "ewa.title": {
        "en": "Exponentially weighted averages",
        "ko": "지수 가중 평균",
    },
    "ewa.intro": {
        "en": "Momentum, RMSprop and Adam all keep a running average of something noisy. "
        "They all use the same one: an average that remembers every past value but trusts "
        "recent ones more, forgetting old ones a fixed fraction at a time. Here it smooths "
        "a real, noisy series so you can see how it works, then a stream of mini-batch "
        "gradients, which is what the next lessons average.",
        "ko": "모멘텀, RMSprop, Adam은 모두 들쭉날쭉한 값의 평균을 계속 갱신하며 들고 "
        "다닙니다. 셋이 쓰는 평균은 같은 종류입니다. 지나간 값을 모두 기억하되 최근 값을 "
        "더 믿고, 오래된 값은 한 단계마다 일정한 비율로 잊어 갑니다. 이 페이지에서는 먼저 "
        "실제 측정값처럼 잡음이 많은 데이터를 이 평균으로 매끄럽게 만들어 보고, 이어서 "
        "다음 강의들이 평균 내는 대상인 미니배치 기울기에도 똑같이 적용해 봅니다.",
    },
    # -- sidebar: data and β ---------------------------------------------------------------
    "ewa.data_caption": {
        "en": "Data: {name}, {n} values θ₁ … θₙ.",
        "ko": "데이터: {name}, 값 θ₁ … θₙ {n}개.",
    },
    "ewa.data_help": {
        "en": "A built-in real series, or “My own file” to average a column of your own CSV "
        "file. The link names the series by a short key, so it opens the same data in any "
        "language.",
        "ko": "패키지에 들어 있는 실제 데이터를 고르거나, ‘내 파일’을 골라 내 CSV 파일의 열 "
        "하나를 평균 냅니다. 링크에는 데이터가 짧은 이름으로 담기므로 어느 언어로 열어도 같은 "
        "데이터가 열립니다.",
    },
    "ewa.value_column": {"en": "Value column", "ko": "값이 든 열"},
    "ewa.date_column": {"en": "Date column", "ko": "날짜 열"},
    "ewa.no_date": {"en": "(none: use row order)", "ko": "(없음: 행 순서 사용)"},
    "ewa.no_numeric": {
        "en": "This file has no column of numbers to average. Choose a file with at least one "
        "numeric column.",
        "ko": "이 파일에는 평균을 낼 숫자 열이 없습니다. 숫자 열이 하나 이상 있는 파일을 "
        "골라 주세요.",
    },
    "ewa.upload_hint": {
        "en": "Upload a CSV file to average your own series. Until then the page uses the "
        "built-in data.",
        "ko": "내 데이터의 평균을 보려면 CSV 파일을 올려 주세요. 그 전까지는 기본 데이터를 씁니다.",
    },
    "ewa.using_default": {
        "en": "Showing the built-in series meanwhile: {name}.",
        "ko": "그동안 기본 데이터를 보여 줍니다: {name}.",
    },
    "ewa.betas_header": {"en": "Averages", "ko": "평균"},
    "ewa.b1": {"en": "β of the first average", "ko": "첫째 평균의 β"},
    "ewa.b2": {"en": "β of the second average", "ko": "둘째 평균의 β"},
    "ewa.b3": {"en": "β of the third average", "ko": "셋째 평균의 β"},
    "ewa.on2": {"en": "Show a second average", "ko": "둘째 평균 보이기"},
    "ewa.on3": {"en": "Show a third average", "ko": "셋째 평균 보이기"},
    "ewa.bc": {"en": "Bias correction", "ko": "편향 보정"},
    "ewa.bc_help": {
        "en": "Divide $V_t$ by $1 - \\beta^t$ so the first values are not pulled toward the zero start.",
        "ko": "$V_t$를 $1 - \\beta^t$로 나누어, 0에서 시작한 탓에 처음 값들이 0 쪽으로 끌려 내려가지 "
        "않게 합니다.",
    },
    "ewa.curve_label": {
        "en": "β = {beta} (window ≈ {window})",
        "ko": "β = {beta} (창 ≈ {window})",
    },
    "ewa.beta_label": {"en": "β = {beta}", "ko": "β = {beta}"},
    "ewa.step_t": {"en": "t", "ko": "t"},
    "ewa.raw": {"en": "raw values", "ko": "원래 값"},
    "ewa.time": {"en": "date", "ko": "날짜"},
    "ewa.index": {"en": "point t", "ko": "순서 t"},
    # -- what to look at: one line under each chart, numbers from the run ----------------
    "ewa.look.overlay": {
        "en": "*What to look at:* the larger β, the smoother its line and the later it follows a "
        "change in the dots. At the last point, θ = {last}, the averages stand at {values}.",
        "ko": "*볼 곳:* β가 클수록 선이 매끄럽고, 점들의 변화를 늦게 따라갑니다. 마지막 값 "
        "θ = {last}에서 평균들은 {values}에 있습니다.",
    },
    "ewa.look.overlay_item": {"en": "{value} at β = {beta}", "ko": "β = {beta}일 때 {value}"},
    "ewa.look.weights": {
        "en": "*What to look at:* each bar is β = {beta} times the one to its left. The newest "
        "value weighs {newest}; at the dashed line, k = {k} steps back, the weight is {at_k}, "
        "about 1/e of that.",
        "ko": "*볼 곳:* 막대 하나하나는 왼쪽 막대의 β = {beta}배입니다. 최신 값의 가중치는 "
        "{newest}이고, 점선 k = {k}단계 전에서는 {at_k:으로/로} 그 값의 약 1/e입니다.",
    },
    "ewa.look.weights_zero": {
        "en": "*What to look at:* at β = 0 the newest value carries all the weight, 1, and "
        "every older one 0.",
        "ko": "*볼 곳:* β = 0이면 최신 값이 가중치 1을 모두 가져가고, 그 앞의 값은 모두 0입니다.",
    },
    "ewa.look.decay": {
        "en": "*What to look at:* the curve climbs towards the dashed line 1/e; the diamond is "
        "your β at n = {n}, where (1 − 1/n)ⁿ = {value}.",
        "ko": "*볼 곳:* 곡선은 점선 1/e를 향해 올라갑니다. 마름모는 n = {n} 자리의 지금 β이고, "
        "그곳에서 (1 − 1/n)ⁿ = {value}입니다.",
    },
    "ewa.look.decay_zero": {
        "en": "*What to look at:* the curve climbs towards the dashed line 1/e; at β = 0 there "
        "is no n to mark.",
        "ko": "*볼 곳:* 곡선은 점선 1/e를 향해 올라갑니다. β = 0이면 표시할 n이 없습니다.",
    },
    "ewa.look.closeup": {
        "en": "*What to look at:* at t = 1 each solid line (corrected) starts on the first "
        "value θ₁ = {theta}, while the dotted one (uncorrected) starts at (1 − β)·θ₁, "
        "{plain} for β = {beta}.",
        "ko": "*볼 곳:* t = 1에서 실선(보정 후)은 모두 첫 값 θ₁ = {theta}에서 시작하지만, "
        "점선(보정 전)은 (1 − β)·θ₁에서 시작합니다. β = {beta}이면 {plain}입니다.",
    },
    "ewa.look.factor": {
        "en": "*What to look at:* each curve starts at 1/(1 − β) at t = 1 and falls to the "
        "dotted line at 1; the larger β, the later.",
        "ko": "*볼 곳:* 곡선마다 t = 1에서 1/(1 − β)로 시작해 점선 1까지 내려옵니다. β가 "
        "클수록 늦게 내려옵니다.",
    },
    "ewa.look.gradients": {
        "en": "*What to look at:* the grey mini-batch gradients jump around the dashed "
        "full-batch gradient {full}; compare how much each average wobbles around it.",
        "ko": "*볼 곳:* 회색 미니배치 기울기는 점선으로 그린 전체 배치 기울기 {full} 주위에서 "
        "널뜁니다. 평균마다 그 주위에서 얼마나 흔들리는지 비교해 보세요.",
    },
    # -- section 1 ------------------------------------------------------------------------
    "ewa.s1_title": {"en": "1. The running average", "ko": "1. 계속 갱신되는 평균"},
    "ewa.s1_text": {
        "en": "Start from $V_0 = 0$. At each new value $\\theta_t$, keep the fraction β of the old average "
        "and add the fraction 1 − β of the new value. β is a number in [0, 1): at β = 0 the "
        "average is just the latest value; the closer β is to 1, the more of the past it "
        "carries and the smoother — but also the later — it becomes.",
        "ko": "$V_0 = 0$에서 출발합니다. 새 값 $\\theta_t$가 들어올 때마다 이전 평균의 β만큼을 남기고, "
        "새 값의 1 − β만큼을 더합니다. β는 0 이상 1 미만의 수입니다. β = 0이면 평균은 그냥 "
        "가장 최근 값이고, β가 1에 가까울수록 과거를 더 많이 담아 곡선이 매끄러워지는 대신 "
        "변화를 늦게 따라갑니다.",
    },
    "ewa.s1_live": {
        "en": "The last step of each average, with its numbers: the newest value θ is "
        "{last_value} (point {t}).",
        "ko": "각 평균의 마지막 한 단계를 실제 숫자로 쓰면 이렇습니다. 가장 최근 값 θ는 "
        "{last_value}입니다 ({t}번째 값).",
    },
    "ewa.overlay_title": {"en": "Raw values and their averages", "ko": "원래 값과 그 평균들"},
    "ewa.window_caption": {
        "en": "Each label gives the window 1/(1 − β): roughly how many recent points the "
        "average is made of.",
        "ko": "범례의 괄호 안 숫자는 창 크기 1/(1 − β)입니다. 평균이 대략 최근 몇 개의 "
        "값으로 이루어지는지를 뜻합니다.",
    },
    "ewa.s1_try": {
        "en": "set the first β to 0.98 and compare it with 0.5: the 0.98 line is smooth but "
        "follows a change (a warm spell, in the temperatures) about {lag} points late. Then switch bias correction off and "
        "look at the very start of the 0.98 line.",
        "ko": "첫째 β를 0.98로 올리고 0.5와 비교해 보세요. 0.98 곡선은 매끄럽지만 "
        "변화(기온이라면 더운 날이 이어지는 때)를 약 {lag}개 값만큼 늦게 따라갑니다. 그다음 편향 보정을 끄고 0.98 "
        "곡선의 맨 앞부분을 살펴보세요.",
    },
    "ewa.start_warning": {
        "en": "Without bias correction the average starts near 0, far below the data: "
        "see section 3.",
        "ko": "편향 보정이 없으면 평균이 0 근처에서 시작해 데이터보다 한참 아래에 있습니다. "
        "3절에서 자세히 봅니다.",
    },
    "ewa.thinned": {
        "en": "{n} values are more than the chart can show apart: it draws one point in every "
        "{k}. The averages and the formulas use every value.",
        "ko": "값이 {n}개라 차트에 모두 따로 보이지 않으므로 {k}개마다 하나씩만 그렸습니다. 평균과 "
        "식은 모든 값으로 계산합니다.",
    },
    "ewa.constant": {
        "en": "Every value of this series is {value}: the corrected averages equal it from the "
        "first point on, while the uncorrected ones rise to it from 0.",
        "ko": "이 데이터의 값은 모두 {value}입니다. 보정한 평균은 첫 값부터 이 값과 같고, 보정하지 "
        "않은 평균은 0에서 출발해 이 값까지 올라갑니다.",
    },
    "ewa.beta_zero": {
        "en": "At β = 0 the average keeps nothing of the past: it is the series itself.",
        "ko": "β = 0이면 평균은 과거를 전혀 남기지 않으므로 원래 데이터와 똑같습니다.",
    },
    "ewa.beta_long": {
        "en": "β = {beta} averages over about {window} points, more than the {n} points in "
        "this series: the average is still warming up at the end, and without bias "
        "correction it never reaches the data.",
        "ko": "β = {beta}일 때 평균은 약 {window}개 값에 걸치는데, 이 데이터에는 값이 {n}개뿐입니다. "
        "끝까지 가도 평균이 아직 자리를 잡는 중이고, 편향 보정이 없으면 데이터 높이에 "
        "끝내 닿지 못합니다.",
    },
    # -- section 2 ------------------------------------------------------------------------
    "ewa.s2_title": {"en": "2. Where the weight goes", "ko": "2. 가중치는 어디에 실리나"},
    "ewa.s2_text": {
        "en": "Unroll the recursion: $V_t$ is a weighted sum of all past values, and the value k "
        "steps back gets the weight $(1-\\beta)\\beta^k$. Every step back multiplies the weight by β, "
        "so old values fade geometrically — exponentially — which gives the average its name.",
        "ko": "식을 거슬러 풀어 쓰면 $V_t$는 지난 모든 값의 가중합이고, k단계 전의 값은 "
        "$(1-\\beta)\\beta^k$의 가중치를 받습니다. 한 단계 거슬러 갈 때마다 가중치에 β가 곱해지므로 "
        "오래된 값은 기하급수적으로, 즉 지수적으로 희미해집니다. 이름이 '지수 가중 평균'인 "
        "까닭입니다.",
    },
    "ewa.bw": {"en": "β for the weights", "ko": "가중치를 볼 β"},
    "ewa.weights_title": {
        "en": "Weights of the past values, β = {beta}",
        "ko": "지난 값의 가중치, β = {beta}",
    },
    "ewa.weights_x": {
        "en": "k (steps back)",
        "ko": "k (거슬러 간 단계 수)",
    },
    "ewa.weights_y": {"en": "weight (1 − β)·βᵏ", "ko": "가중치 (1 − β)·βᵏ"},
    "ewa.window_mark": {"en": "k = 1/(1 − β) = {k}", "ko": "k = 1/(1 − β) = {k}"},
    "ewa.level_mark": {"en": "newest weight / e", "ko": "최신 가중치 / e"},
    "ewa.weights_cut": {
        "en": "Only the first {count} of the weights are drawn; together they hold "
        "{share} of the total.",
        "ko": "가중치 중 앞의 {count}개만 그렸습니다. 이들이 차지하는 몫은 전체의 {share}입니다.",
    },
    "ewa.s2_e_text": {
        "en": "Why about 1/(1 − β) points? Write n = 1/(1 − β), so β = 1 − 1/n. One window "
        "back the weight has shrunk by $\\beta^n = (1 - 1/n)^n$, and that number tends to 1/e ≈ 0.368 "
        "as n grows. So after 1/(1 − β) steps a value counts only about a third as much as "
        "the newest one, and soon after it hardly counts at all.",
        "ko": "왜 약 1/(1 − β)개일까요? n = 1/(1 − β), 즉 β = 1 − 1/n으로 놓아 봅시다. 창 "
        "하나만큼 거슬러 가면 가중치는 $\\beta^n = (1 - 1/n)^n$배로 줄어드는데, 이 수는 n이 "
        "커질수록 1/e ≈ 0.368에 다가갑니다. 그러니 1/(1 − β)단계 전의 값은 최신 값의 약 "
        "3분의 1만큼만 반영되고, 그보다 더 오래된 값은 거의 반영되지 않습니다.",
    },
    "ewa.ratio_zero": {
        "en": "At β = 0 the window is a single point: the value one step back already "
        "weighs nothing.",
        "ko": "β = 0이면 창은 값 하나뿐이어서, 한 단계 전의 값부터 이미 가중치가 0입니다.",
    },
    "ewa.e_link": {
        "en": "This is the same limit that defines the natural constant e: growing by a tiny "
        "1/n, n times over, gives $(1 + 1/n)^n \\to e$; shrinking by 1/n, n times over, gives "
        "$(1 - 1/n)^n \\to 1/e$. The diamond marks the chosen β, at n = 1/(1 − β).",
        "ko": "자연상수 e를 정의하는 극한과 같은 이야기입니다. 아주 작은 1/n만큼의 성장을 "
        "n번 거듭하면 $(1 + 1/n)^n \\to e$가 되고, 1/n만큼의 감소를 n번 거듭하면 "
        "$(1 - 1/n)^n \\to 1/e$가 됩니다. 마름모는 지금 고른 β를 n = 1/(1 − β) 자리에 찍은 "
        "것입니다.",
    },
    "ewa.decay_title": {"en": "(1 − 1/n)ⁿ approaches 1/e", "ko": "(1 − 1/n)ⁿ은 1/e에 다가간다"},
    "ewa.decay_curve": {"en": "(1 − 1/n)ⁿ", "ko": "(1 − 1/n)ⁿ 값"},
    "ewa.decay_x": {"en": "n = 1/(1 − β)", "ko": "n = 1/(1 − β)"},
    "ewa.e_line": {"en": "1/e ≈ 0.3679", "ko": "1/e ≈ 0.3679"},
    "ewa.beta_point": {"en": "chosen β", "ko": "고른 β"},
    "ewa.table_n": {"en": "n", "ko": "n"},
    "ewa.table_beta": {"en": "β = 1 − 1/n", "ko": "β = 1 − 1/n"},
    "ewa.table_value": {"en": "(1 − 1/n)ⁿ", "ko": "(1 − 1/n)ⁿ 값"},
    "ewa.table_gap": {"en": "1/e − (1 − 1/n)ⁿ", "ko": "1/e와의 차이"},
    "ewa.s2_try": {
        "en": "move β for the weights from 0.5 to 0.9 to 0.99: the dashed line k = 1/(1 − β) "
        "moves right, the bars flatten, and $\\beta^{1/(1-\\beta)}$ creeps up to 1/e.",
        "ko": "가중치를 볼 β를 0.5에서 0.9, 0.99로 올려 보세요. 점선 k = 1/(1 − β)는 오른쪽으로 "
        "가고 막대는 납작해지며, $\\beta^{1/(1-\\beta)}$는 1/e에 점점 가까워집니다.",
    },
    # -- section 3 ------------------------------------------------------------------------
    "ewa.s3_title": {"en": "3. Bias correction, close up", "ko": "3. 편향 보정 자세히 보기"},
    "ewa.s3_text": {
        "en": "Because $V_0 = 0$, the weights of $V_t$ add up to only $1 - \\beta^t$, not 1: early on a "
        "large part of the weight sits on the zero start, and the average is pulled toward "
        "zero. Dividing by $1 - \\beta^t$ fixes exactly that.",
        "ko": "$V_0 = 0$에서 시작했기 때문에 $V_t$의 가중치를 모두 더해도 1이 아니라 $1 - \\beta^t$밖에 "
        "되지 않습니다. 처음에는 가중치의 상당 부분이 출발점 0에 가 있어서 평균이 0 쪽으로 "
        "끌려 내려갑니다. $1 - \\beta^t$로 나누면 바로 이 부분이 바로잡힙니다.",
    },
    "ewa.s3_mean_text": {
        "en": "Said plainly: the corrected average is the weighted mean of the values seen so "
        "far, with weights proportional to $\\beta^k$ that sum to one. It is what pandas computes "
        "with `ewm(alpha=1−β, adjust=True)`. Here are the first three steps of the "
        "current data, β = {beta}:",
        "ko": "쉽게 말해 보정된 평균은 지금까지 본 값들의 가중 평균이며, 가중치는 $\\beta^k$에 "
        "비례하고 합이 1입니다. 파이썬 라이브러리 `pandas`의 `ewm(alpha=1−β, adjust=True)`가 "
        "계산하는 것과 같습니다. β = {beta}일 때 지금 데이터의 처음 세 단계를 써 보면 "
        "이렇습니다.",
    },
    "ewa.s3_pandas": {
        "en": "pandas' `ewm(adjust=True)` on the same three values gives {values}: the same "
        "numbers.",
        "ko": "같은 세 값에 `pandas`의 `ewm(adjust=True)`를 적용한 결과: {values}. 위와 같은 "
        "숫자입니다.",
    },
    "ewa.closeup_title": {
        "en": "The first {n} points",
        "ko": "처음 {n}개 값",
    },
    "ewa.plain": {"en": "uncorrected", "ko": "보정 전"},
    "ewa.corrected": {"en": "corrected", "ko": "보정 후"},
    "ewa.factor_title": {
        "en": "Correction factor 1/(1 − βᵗ)",
        "ko": "보정 계수 1/(1 − βᵗ)",
    },
    "ewa.factor_y": {"en": "1/(1 − βᵗ)", "ko": "보정 계수 1/(1 − βᵗ)"},
    "ewa.factor_caption": {
        "en": "β = {beta}: the factor is {first} at t = 1 and falls below 1.01 at t = {t01}; "
        "after that the correction changes the average by less than 1 %.",
        "ko": "β = {beta}: 보정 계수는 t = 1일 때 {first}, t = {t01}부터는 1.01보다 작습니다. "
        "그 뒤로는 보정이 평균을 1 %도 바꾸지 못합니다.",
    },
    "ewa.factor_never": {
        "en": "β = {beta}: the factor is {first} at t = 1 and still {last} at the last point "
        "t = {n}: with so few points the correction matters everywhere.",
        "ko": "β = {beta}: 보정 계수는 t = 1에서 {first}, 마지막 t = {n}에서도 {last}입니다. "
        "값이 이만큼 적으면 보정이 끝까지 중요합니다.",
    },
    "ewa.s3_try": {
        "en": "set a β to 0.98: the dotted uncorrected line starts at 2 % of the first value, "
        "while the corrected one starts right on it.",
        "ko": "β 하나를 0.98로 바꿔 보세요. 점선(보정 전)은 첫 값의 2 % 높이에서 시작하지만, "
        "실선(보정 후)은 첫 값에서 바로 시작합니다.",
    },
    # -- section 4 ------------------------------------------------------------------------
    "ewa.s4_title": {
        "en": "4. The same average on noisy gradients",
        "ko": "4. 잡음 섞인 기울기에 같은 평균을",
    },
    "ewa.s4_text": {
        "en": "A mini-batch gradient is a noisy estimate of the true gradient: each step sees "
        "other rows. Here: a linear regression of fuel economy (miles per gallon) on horsepower "
        "(1970–82 car models, {m} cars, both standardized), held at the start w = 0, b = 0. Every step draws a new "
        "mini-batch and computes ∂C/∂w on it; the dashed line is the full-batch gradient. "
        "The EWA of these gradients is exactly what momentum keeps and steps along.",
        "ko": "미니배치 기울기는 참 기울기를 잡음 섞어 추정한 값입니다. 단계마다 다른 행을 보기 "
        "때문입니다. 여기서는 1970–82년 자동차 {m}대의 마력으로 연비(갤런당 마일)를 예측하는 "
        "선형 회귀(둘 다 표준화)를 출발점 w = 0, b = 0에 고정해 두고, 단계마다 새 미니배치를 뽑아 "
        "∂C/∂w를 계산합니다. 점선은 전체 배치의 기울기입니다. 이 기울기들의 지수 가중 평균이 "
        "바로 모멘텀이 들고 다니며 따라 움직이는 값입니다.",
    },
    "ewa.bs": {"en": "Mini-batch size", "ko": "미니배치 크기"},
    "ewa.grad_title": {
        "en": "∂C/∂w per mini-batch (batch size {bs}) and its averages",
        "ko": "미니배치마다 구한 ∂C/∂w와 그 평균 (미니배치 크기 {bs})",
    },
    "ewa.grad_raw": {"en": "mini-batch gradient", "ko": "미니배치 기울기"},
    "ewa.grad_full": {"en": "full-batch gradient {value}", "ko": "전체 배치 기울기 {value}"},
    "ewa.grad_y": {"en": "∂C/∂w", "ko": "∂C/∂w"},
    "ewa.grad_spread": {
        "en": "Spread (standard deviation) over the last {n} steps: raw gradients {raw}; {items}.",
        "ko": "마지막 {n}단계의 흩어짐(표준편차): 원래 기울기 {raw}; {items}.",
    },
    "ewa.grad_spread_item": {"en": "{beta}: {spread}", "ko": "{beta}일 때 {spread}"},
    "ewa.s4_try": {
        "en": "set the batch size to 1 (plain SGD) and compare the raw gradients with the "
        "β = 0.9 average: the average stays near the dashed true gradient. That steadiness "
        "is what the momentum page builds on.",
        "ko": "미니배치 크기를 1로 줄여 확률적 경사 하강법으로 만든 뒤, 원래 기울기와 β = 0.9 "
        "평균을 비교해 보세요. "
        "평균은 점선으로 그린 참 기울기 근처에 머뭅니다. 이 안정감이 모멘텀 페이지의 "
        "출발점입니다.",
    },
    "ewa.grad_unavailable": {
        "en": "The car data could not be loaded here, so this section is skipped: {detail}",
        "ko": "여기서는 자동차 데이터를 불러올 수 없어 이 절을 건너뜁니다: {detail}",
    },
    "ewa.series_unavailable": {
        "en": "The built-in series could not be loaded: {detail}",
        "ko": "기본 데이터를 불러올 수 없습니다: {detail}",
    },
}

# the series' names in the data menu: the names of the built-in series, and "My own file"
STRINGS.update(
    {
        key.replace("data.", "ewa.", 1): entry
        for key, entry in _DATA.items()
        if key.startswith("data.series.")
    }
)
STRINGS["ewa.series.upload"] = _DATA["data.source.upload"]
