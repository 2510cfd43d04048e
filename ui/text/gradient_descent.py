"""Strings of the gradient-descent page: the cost as a parabola, the slope, the step size."""

STRINGS = {
    "gradient_descent.title": {
        "en": "Gradient descent: walking down a parabola",
        "ko": "경사 하강법: 포물선을 따라 내려가기",
    },
    "gradient_descent.intro": {
        "en": "A model learns by making its cost small. Take the simplest model there is, "
        "one weight and no intercept: it predicts ŷ = W·x. Its cost C(W) turns out to be a "
        "parabola in W. The derivative ∂C/∂W answers one question: if W moves a little, how "
        "many times that much does the cost move? Step against that answer, "
        "W ← W − α·∂C/∂W, and you go downhill whichever side of the minimum you are on.",
        "ko": "모델은 비용을 줄이면서 배웁니다. 가장 단순한 모델을 생각해 봅시다. 가중치 "
        "하나에 편향도 없이 ŷ = W·x로 예측하는 모델입니다. 이 모델의 비용 C(W)는 W에 대한 "
        "포물선이 됩니다. 미분 ∂C/∂W는 'W가 조금 변하면 비용은 그 몇 배만큼 변하는가?'에 "
        "대한 답입니다. 그 답의 반대 방향으로 W ← W − α·∂C/∂W 만큼 움직이면, 최솟값의 어느 "
        "쪽에 있든 언제나 아래로 내려갑니다.",
    },
    # -- the data --------------------------------------------------------------------------
    "gradient_descent.data_title": {
        "en": "The data: restaurant bills and tips",
        "ko": "데이터: 식당 계산서와 팁",
    },
    "gradient_descent.data_text": {
        "en": "{m} tables of one restaurant (the tips sample that ships with plotly, read from "
        "the installed package). x is the total bill and y the tip, both in dollars. The model "
        'ŷ = W·x says "tip a fixed share W of the bill"; the best share turns out to be '
        "W* = {w_star}, about {percent} %.",
        "ko": "한 식당의 {m}개 테이블 기록입니다(플롯리 패키지에 함께 들어 있는 팁 예제 데이터를 "
        "설치된 파일에서 읽습니다). x는 계산서 총액, y는 팁이며 단위는 모두 달러입니다. 모델 "
        "ŷ = W·x는 '계산서의 일정 비율 W만큼 팁을 준다'는 뜻이고, 가장 잘 맞는 비율은 "
        "W* = {w_star}, 즉 약 {percent} %입니다.",
    },
    "gradient_descent.bill": {"en": "total bill ($)", "ko": "계산서 총액 ($)"},
    "gradient_descent.tip": {"en": "tip ($)", "ko": "팁 ($)"},
    "gradient_descent.first_rows": {
        "en": "First rows of the data",
        "ko": "데이터의 처음 몇 줄",
    },
    "gradient_descent.expansion_text": {
        "en": "Multiply out the square and every sum over the data becomes a plain number: the "
        "cost is an ordinary parabola aW² + bW + c. These are the actual coefficients for the "
        "{m} tables.",
        "ko": "제곱을 풀어 쓰면 데이터에 대한 합은 모두 그냥 숫자가 됩니다. 그래서 비용은 평범한 "
        "포물선 aW² + bW + c입니다. 아래는 {m}개 테이블로 실제 계산한 계수입니다.",
    },
    # -- controls ----------------------------------------------------------------------------
    "gradient_descent.controls": {"en": "Run settings", "ko": "실행 설정"},
    "gradient_descent.lr": {
        "en": "Learning rate α (log scale)",
        "ko": "학습률 α (로그 눈금)",
    },
    "gradient_descent.lr_help": {
        "en": "Ten values per decade, plus the two special values computed from the data: "
        "1/C'' = {one} and 2/C'' = {two} (the buttons below pick them).",
        "ko": "로그 눈금 위에 자릿수 하나마다 값이 10개씩 고르게 놓여 있고, 데이터에서 계산한 "
        "두 특별한 값(1/C'' = {one}, 2/C'' = {two})도 들어 있습니다. 아래 버튼으로 바로 고를 "
        "수 있습니다.",
    },
    "gradient_descent.preset_one": {"en": "α = 1/C''", "ko": "α = 1/C''"},
    "gradient_descent.preset_two": {"en": "α = 2/C''", "ko": "α = 2/C''"},
    "gradient_descent.preset_help": {
        "en": "Set α to exactly this threshold, computed from the data.",
        "ko": "α를 데이터에서 계산한 이 경계값으로 정확히 맞춥니다.",
    },
    "gradient_descent.w0": {"en": "Start W₀", "ko": "시작값 W₀"},
    "gradient_descent.steps": {"en": "Number of steps", "ko": "단계 수"},
    "gradient_descent.k": {
        "en": "Step k shown in the chart and the formulas below",
        "ko": "아래 그래프와 수식에 보여 줄 단계 k",
    },
    "gradient_descent.prev": {"en": "Back", "ko": "이전"},
    "gradient_descent.next": {"en": "Forward", "ko": "다음"},
    # -- the figure --------------------------------------------------------------------------
    "gradient_descent.run_title": {
        "en": "One step at a time",
        "ko": "한 단계씩",
    },
    "gradient_descent.fig.title_parabola": {"en": "cost C(W)", "ko": "비용 C(W)"},
    "gradient_descent.fig.title_data": {
        "en": "data and y = W·x",
        "ko": "데이터와 y = W·x",
    },
    "gradient_descent.fig.title_cost": {
        "en": "cost per step (log scale)",
        "ko": "단계별 비용 (로그 눈금)",
    },
    "gradient_descent.fig.parabola": {"en": "C(W)", "ko": "C(W)"},
    "gradient_descent.fig.best": {"en": "minimum W*", "ko": "최솟값 W*"},
    "gradient_descent.fig.best_wb": {"en": "minimum (w*, b*)", "ko": "최솟값 (w*, b*)"},
    "gradient_descent.fig.best_line": {"en": "best line W*·x", "ko": "최적 직선 W*·x"},
    "gradient_descent.fig.data": {"en": "tables", "ko": "테이블"},
    "gradient_descent.fig.path": {"en": "steps so far", "ko": "지나온 점"},
    "gradient_descent.fig.run": {"en": "whole run", "ko": "전체 경로"},
    "gradient_descent.fig.next": {"en": "new W", "ko": "새 W"},
    "gradient_descent.fig.tangent": {"en": "tangent (slope)", "ko": "접선 (기울기)"},
    "gradient_descent.fig.step_arrow": {"en": "step −α·∂C/∂W", "ko": "이동 −α·∂C/∂W"},
    "gradient_descent.fig.current": {"en": "current W", "ko": "현재 W"},
    "gradient_descent.fig.model": {"en": "model y = W·x", "ko": "모델 y = W·x"},
    "gradient_descent.fig.cost_log": {"en": "cost", "ko": "비용"},
    "gradient_descent.note": {
        "en": "step {k}:   W = {w}   ·   slope ∂C/∂W = {slope}<br>"
        "step −α·slope = {move}   ·   new W = {new}",
        "ko": "{k}단계:   W = {w}   ·   기울기 ∂C/∂W = {slope}<br>"
        "이동 −α·기울기 = {move}   ·   새 W = {new}",
    },
    "gradient_descent.play_hint": {
        "en": "▶ Play animates the whole run right in your browser, and the box above the "
        "panels shows the numbers of the step on screen. Below, the step slider (or Back / "
        "Forward) picks one step k: its chart and its formulas show that step.",
        "ko": "▶ 재생을 누르면 브라우저 안에서 전체 실행이 움직이고, 그래프 위 상자에 화면에 "
        "보이는 단계의 숫자가 나옵니다. 아래의 단계 슬라이더(또는 이전/다음 버튼)로 단계 k를 "
        "고르면 그 단계의 그래프와 수식이 나옵니다.",
    },
    # -- the formulas ------------------------------------------------------------------------
    "gradient_descent.formulas_title": {
        "en": "The numbers of step {k}",
        "ko": "{k}단계의 숫자",
    },
    "gradient_descent.explain_slope": {
        "en": "The slope at $W_{{{k}}}$: if W moved by a tiny amount, the cost would move {slope} "
        "times as much. It is the tangent drawn on the parabola.",
        "ko": "$W_{{{k}}}$에서의 기울기입니다. W가 아주 조금 움직이면 비용은 그 {slope}배만큼 "
        "움직입니다. 포물선 위에 그린 접선이 바로 이것입니다.",
    },
    "gradient_descent.explain_positive": {
        "en": "The slope is positive (uphill to the right), so −α·slope is negative: W moves "
        "left, towards the bottom.",
        "ko": "기울기가 양수이므로(오른쪽이 오르막) −α·기울기는 음수입니다. W는 왼쪽, "
        "즉 바닥 쪽으로 갑니다.",
    },
    "gradient_descent.explain_negative": {
        "en": "The slope is negative (uphill to the left), so −α·slope is positive: W moves "
        "right, towards the bottom.",
        "ko": "기울기가 음수이므로(왼쪽이 오르막) −α·기울기는 양수입니다. W는 오른쪽, "
        "즉 바닥 쪽으로 갑니다.",
    },
    "gradient_descent.explain_zero": {
        "en": "The slope is zero: W is at the bottom and the step is zero.",
        "ko": "기울기가 0입니다. W가 바닥에 있으니 더 움직이지 않습니다.",
    },
    "gradient_descent.explain_factor": {
        "en": "Because the slope is C''·(W − W*), every step multiplies the distance to the "
        "minimum by the same number 1 − α·C''.",
        "ko": "기울기는 C''·(W − W*)이므로, 한 단계마다 최솟값까지의 거리에 같은 수 "
        "1 − α·C''가 곱해집니다.",
    },
    "gradient_descent.shown_last": {
        "en": "The run diverged at step {step}, so the formulas show step {k}, the last one "
        "whose new W is still a finite number.",
        "ko": "{step}단계에서 발산했으므로, 수식에는 새 W가 아직 유한한 마지막 단계인 "
        "{k}단계를 보여 줍니다.",
    },
    # -- regimes -----------------------------------------------------------------------------
    "gradient_descent.regimes_title": {
        "en": "How big a step? Five regimes, computed from the data",
        "ko": "한 단계에 얼마나 움직여야 할까? 데이터로 계산한 다섯 가지 경우",
    },
    "gradient_descent.regimes_text": {
        "en": "The curvature C'' = Σx²/m is the same everywhere on a parabola. Each step "
        "multiplies the distance to W* by |1 − α·C''|, so two learning rates matter: 1/C'' "
        "(the factor is 0) and 2/C'' (the factor is 1).",
        "ko": "포물선에서는 곡률 C'' = Σx²/m이 어디서나 같습니다. 한 단계마다 W*까지의 거리에 "
        "|1 − α·C''|가 곱해지므로, 중요한 학습률은 두 개입니다. 1/C''(곱하는 수가 0)와 "
        "2/C''(곱하는 수가 1)입니다.",
    },
    "gradient_descent.regime_list": {
        "en": "- α < 1/C'': creeps towards W* from one side, never crossing it\n"
        "- α = 1/C'': lands on W* in a single step\n"
        "- 1/C'' < α < 2/C'': overshoots, jumping from side to side, and still converges\n"
        "- α = 2/C'': bounces between two points forever\n"
        "- α > 2/C'': every jump lands farther away; the run diverges",
        "ko": "- α < 1/C'': 한쪽에서만 W*에 다가가며 넘어가지 않습니다\n"
        "- α = 1/C'': 한 단계 만에 W*에 도착합니다\n"
        "- 1/C'' < α < 2/C'': W*를 넘어 양쪽을 오가지만 결국 수렴합니다\n"
        "- α = 2/C'': 두 점 사이를 영원히 왔다 갔다 합니다\n"
        "- α > 2/C'': 건널 때마다 더 멀리 떨어지며 발산합니다",
    },
    "gradient_descent.regime.creep": {
        "en": "α = {lr} is below 1/C'' = {one}: each step keeps {factor} of the distance, "
        "always on the same side of W* — a steady creep.",
        "ko": "α = {lr}: 1/C'' = {one}보다 작습니다. 한 단계마다 거리의 {factor}배가 남고 "
        "W*의 같은 쪽에 머뭅니다. 한쪽에서 천천히 다가가는 경우입니다.",
    },
    "gradient_descent.regime.one_step": {
        "en": "α = {lr} is exactly 1/C'': the factor 1 − α·C'' is {factor}, so the first "
        "step lands on W* and the run stays there.",
        "ko": "α = {lr}: 정확히 1/C''입니다. 1 − α·C'' = {factor}이므로 첫 단계에 W*에 "
        "도착해서 그대로 머뭅니다.",
    },
    "gradient_descent.regime.overshoot": {
        "en": "α = {lr} lies between 1/C'' = {one} and 2/C'' = {two}: the factor "
        "1 − α·C'' = {factor} is negative, so W jumps across W* every step, but the jumps "
        "shrink and the run converges.",
        "ko": "α = {lr}: 1/C'' = {one}에서 2/C'' = {two} 사이에 있습니다. 곱하는 수 "
        "1 − α·C'' = {factor:이/가} 음수라서 W는 단계마다 W*를 건너뛰지만, 건너뛰는 폭이 줄어들어 "
        "수렴합니다.",
    },
    "gradient_descent.regime.bounce": {
        "en": "α = {lr} is exactly 2/C'': the factor is {factor}, so W bounces between two "
        "points at the same distance from W* forever.",
        "ko": "α = {lr}: 정확히 2/C''입니다. 곱하는 수가 {factor}이므로 W는 W*에서 같은 "
        "거리에 있는 두 점 사이를 끝없이 오갑니다.",
    },
    "gradient_descent.regime.diverge": {
        "en": "α = {lr} is above 2/C'' = {two}: the factor is {factor}, so every jump lands "
        "{growth} times farther from W* than the last.",
        "ko": "α = {lr}: 2/C'' = {two}보다 큽니다. 곱하는 수가 {factor}이므로 건널 때마다 "
        "W*에서 {growth}배 더 멀어집니다.",
    },
    "gradient_descent.diverged_extra": {
        "en": "The learning rate α = {lr} is above 2/C'' = {two}; the path is drawn until it "
        "leaves the plot.",
        "ko": "학습률이 2/C'' = {two}보다 큰 α = {lr}입니다. 경로는 그래프 밖으로 나갈 때까지 "
        "그려 두었습니다.",
    },
    "gradient_descent.try": {
        "en": "start with α = 0.001 and step forward: W creeps down from one side. Pick "
        "0.00316 and it hops across the minimum; the α = 1/C'' button makes it land in "
        "one step; the α = 2/C'' button makes it bounce forever; 0.00501 diverges. Then move W₀ to "
        "the other side of W* and check that the step still points downhill.",
        "ko": "α = 0.001에서 한 단계씩 넘겨 보세요. W가 한쪽에서 천천히 내려옵니다. 0.00316을 "
        "고르면 최솟값을 건너뛰며 오가고, α = 1/C'' 버튼을 누르면 한 번에 도착하며, "
        "α = 2/C'' 버튼은 끝없이 튕깁니다. 0.00501은 발산합니다. 그다음 W₀를 W*의 "
        "반대편으로 옮겨도 여전히 내리막 쪽으로 움직이는지 확인해 보세요.",
    },
    # -- two parameters ------------------------------------------------------------------------
    "gradient_descent.two_title": {
        "en": "Two parameters: a valley instead of a parabola",
        "ko": "매개변수 두 개: 포물선 대신 골짜기",
    },
    "gradient_descent.two_intro": {
        "en": "Give the model an intercept, ŷ = w·x + b, and the cost C(w, b) becomes a bowl "
        "over the (w, b) plane. Gradient descent does the same thing in both directions at "
        "once: each eigen-direction of the curvature is its own parabola, with its own C''.",
        "ko": "모델에 편향을 넣어 ŷ = w·x + b로 만들면 비용 C(w, b)는 (w, b) 평면 위의 "
        "그릇 모양이 됩니다. 경사 하강법은 두 방향에서 같은 일을 동시에 합니다. 곡률의 "
        "고유 방향 하나하나가 저마다의 C''를 가진 포물선입니다.",
    },
    "gradient_descent.condition_text": {
        "en": "On the raw bills the bowl is {kappa_raw} times more curved in one direction "
        "than in the other (the condition number κ = $\\lambda_{{\\max}}/\\lambda_{{\\min}}$). The step size must stay "
        "below $2/\\lambda_{{\\max}}$ for the steep direction, and then the flat direction barely moves: "
        "gradient descent stalls. Standardizing x (subtracting its mean {mean} and dividing "
        "by its spread {std}) makes κ = {kappa_std}, a round bowl — so this view uses the "
        "standardized bill unless you switch it off.",
        "ko": "계산서 금액을 그대로 쓰면 그릇이 한 방향으로 다른 방향보다 {kappa_raw}배 더 "
        "휘어 있습니다(조건수 κ = $\\lambda_{{\\max}}/\\lambda_{{\\min}}$). 가파른 방향 "
        "때문에 학습률을 $2/\\lambda_{{\\max}}$보다 작게 잡아야 하고, 그러면 완만한 방향으로는 "
        "거의 움직이지 못해 경사 하강법이 멈춘 듯 느려집니다. x를 표준화하면(평균 = {mean}, "
        "표준편차 = {std}: 평균을 빼고 표준편차로 나누면) κ = {kappa_std}인 둥근 그릇이 "
        "됩니다. 그래서 이 화면은 기본으로 표준화한 계산서 금액을 씁니다.",
    },
    "gradient_descent.momentum_hint": {
        "en": "Standardizing fixes this data, but a real network has millions of directions "
        "that no rescaling makes equally steep; momentum attacks the same problem by "
        "averaging the steps, so the zig-zags across the valley cancel and the progress "
        "along it adds up.",
        "ko": "이 데이터는 표준화로 해결되지만, 실제 신경망에는 크기를 바꾸는 것만으로는 "
        "고르게 만들 수 없는 방향이 수백만 개 있습니다. 모멘텀은 단계들을 평균 내어 "
        "골짜기를 가로지르는 지그재그는 상쇄하고 골짜기를 따라가는 진전은 쌓아서 같은 "
        "문제를 풉니다.",
    },
    "gradient_descent.raw": {
        "en": "Use the raw bill (not standardized)",
        "ko": "표준화하지 않은 금액 쓰기",
    },
    "gradient_descent.rate": {
        "en": "Learning rate as $\\alpha\\lambda_{\\max}$",
        "ko": "학습률 ($\\alpha\\lambda_{\\max}$ 단위)",
    },
    "gradient_descent.rate_help": {
        "en": "α is given relative to the steepest curvature $\\lambda_{\\max}$: above 2 the steep "
        "direction diverges.",
        "ko": "α를 가장 가파른 곡률 $\\lambda_{\\max}$에 대한 비율로 고릅니다. 2를 넘으면 가파른 방향이 "
        "발산합니다.",
    },
    "gradient_descent.w_start": {"en": "Start w", "ko": "시작 w"},
    "gradient_descent.b_start": {"en": "Start b", "ko": "시작 b"},
    "gradient_descent.steps2": {"en": "Steps (two parameters)", "ko": "단계 수 (매개변수 두 개)"},
    "gradient_descent.contour_title": {
        "en": "Path on the contour map",
        "ko": "등고선 위의 경로",
    },
    "gradient_descent.surface_title": {
        "en": "The same path on the surface",
        "ko": "곡면 위의 같은 경로",
    },
    "gradient_descent.note2": {
        "en": "step {k}: w = {w}, b = {b}<br>cost = {cost}",
        "ko": "{k}단계: w = {w}, b = {b}<br>비용 = {cost}",
    },
    "gradient_descent.two_result": {
        "en": "With α = {lr}, the steep direction's distance is multiplied by {fast} per step "
        "and the flat direction's by {slow}.",
        "ko": "α = {lr}에서는 가파른 방향의 거리는 한 단계마다 {fast}배, 완만한 방향의 거리는 "
        "{slow}배가 됩니다.",
    },
    "gradient_descent.needed": {
        "en": "Shrinking the error a hundredfold takes about {needed} steps; this run of {steps} "
        "steps ends {gap} above the minimum cost.",
        "ko": "오차를 100분의 1로 줄이려면 약 {needed}단계가 필요하고, 이번 {steps}단계 실행은 "
        "최소 비용보다 {gap}만큼 높은 곳에서 끝납니다.",
    },
    "gradient_descent.growing": {
        "en": "α is above $2/\\lambda_{{\\max}}$: along the steep direction the distance grows {factor} times "
        "per step. This run is diverging; it has not blown up yet only because it is short — "
        "add steps to see it.",
        "ko": "α가 $2/\\lambda_{{\\max}}$보다 큽니다. 가파른 방향의 거리가 한 단계마다 {factor}배로 커집니다. "
        "이 실행은 발산하는 중이며, 아직 폭발하지 않은 것은 단계 수가 적기 때문입니다. 단계 "
        "수를 늘려 보세요.",
    },
    "gradient_descent.never": {
        "en": "A factor of size 1 or more never shrinks: at this α the error along the steep "
        "direction does not get smaller, however many steps the run takes.",
        "ko": "크기가 1 이상인 수를 곱하면 줄지 않습니다. 이 α에서는 단계를 아무리 많이 밟아도 "
        "가파른 방향의 오차가 작아지지 않습니다.",
    },
    "gradient_descent.try2": {
        "en": "switch on the raw bill: the path drops to the floor of the valley and then "
        "crawls along it, still far from the star after 300 steps. Set $\\alpha\\lambda_{\\max}$ = 1.9 to watch "
        "it zig-zag across the valley as well. Switch standardizing back on and the same "
        "settings head almost straight for the minimum.",
        "ko": "원래 계산서 금액을 켜 보세요. 경로가 골짜기 바닥으로 떨어진 뒤 바닥을 따라 "
        "기어가기만 해서, 300단계가 지나도 별표에서 한참 떨어져 있습니다. $\\alpha\\lambda_{\\max}$ = 1.9로 "
        "두면 골짜기를 가로지르는 지그재그도 보입니다. 다시 표준화로 돌아가면 같은 설정이 "
        "거의 곧장 최솟값으로 갑니다.",
    },
    # -- the intercept b -------------------------------------------------------------------------
    "gradient_descent.intercept_std": {
        "en": "**What b means.** This run ends at b = {b_end}. The best intercept is "
        "b* = {b_star}, and the mean tip of the {m} tables is ȳ = {mean}: the same number. "
        "After standardizing, x = 0 is an average bill, so b is the tip the model predicts "
        "when it knows nothing about the bill — and the best such guess is the average tip.",
        "ko": "**b의 뜻.** 이번 실행은 b = {b_end}에서 끝납니다. 가장 좋은 편향은 "
        "b* = {b_star}이고, {m}개 테이블의 팁 평균도 ȳ = {mean}, 같은 수입니다. 표준화하면 "
        "x = 0이 평균 금액의 계산서이므로, b는 계산서에 대해 아무것도 모를 때 모델이 내놓는 "
        "팁입니다. 그럴 때 가장 좋은 추측이 바로 팁의 평균입니다.",
    },
    "gradient_descent.intercept_raw": {
        "en": "**What b means.** This run ends at b = {b_end}. On the raw bill the best "
        "intercept b* = {b_star} is the tip the line predicts for a bill of $0, not the mean "
        "tip ȳ = {mean}; standardize the bill and b* becomes exactly the mean tip.",
        "ko": "**b의 뜻.** 이번 실행은 b = {b_end}에서 끝납니다. 계산서 금액을 그대로 쓰면 가장 "
        "좋은 편향 b* = {b_star:은/는} 0달러짜리 계산서에 대해 직선이 내놓는 팁일 뿐, 팁의 평균 "
        "ȳ = {mean:이/가} 아닙니다. 계산서 금액을 표준화하면 b*가 정확히 팁의 평균이 됩니다.",
    },
    # -- what to look at: one line under each chart -----------------------------------------
    "gradient_descent.look.descent": {
        "en": "*What to look at:* press ▶ and the three panels move together. On the left the "
        "blue arrow always points against the slope of the purple tangent; in the middle the "
        "blue line W·x swings towards the dotted best line; below, the cost goes from {first} "
        "at step 0 to {last} at step {step} (the lowest possible is {best}).",
        "ko": "*볼 곳:* ▶을 누르면 세 그래프가 함께 움직입니다. 왼쪽의 파란 화살표는 언제나 "
        "보라색 접선의 기울기와 반대쪽을 향하고, 가운데의 파란 직선 W·x는 점선인 최적 직선 "
        "쪽으로 돌아갑니다. 아래 그래프에서 비용은 0단계의 {first}에서 {step}단계의 "
        "{last:으로/로} 바뀝니다(가장 낮은 값은 {best}).",
    },
    "gradient_descent.look.descent_bounce": {
        "en": "*What to look at:* press ▶: the blue arrow carries W from one side of the star "
        "to the same height on the other side and back, so the cost below stays at {first} "
        "from step 0 to step {step} (the lowest possible is {best}).",
        "ko": "*볼 곳:* ▶을 누르면 파란 화살표가 W를 별의 한쪽에서 반대쪽의 같은 높이로 "
        "옮겼다가 되돌립니다. 그래서 아래 그래프의 비용은 0단계부터 {step}단계까지 {first}에 "
        "머뭅니다(가장 낮은 값은 {best}).",
    },
    "gradient_descent.look.descent_diverge": {
        "en": "*What to look at:* press ▶: every blue arrow jumps past the star and lands "
        "higher up the other side, so the cost below climbs from {first} at step 0 to {last} "
        "at step {step}, the last one drawn (the lowest possible is {best}).",
        "ko": "*볼 곳:* ▶을 누르면 파란 화살표가 매번 별을 지나쳐 반대편의 더 높은 곳에 "
        "떨어집니다. 그래서 아래 그래프의 비용은 0단계의 {first}에서 마지막으로 그린 "
        "{step}단계의 {last:으로/로} 커집니다(가장 낮은 값은 {best}).",
    },
    "gradient_descent.look.step": {
        "en": "*What to look at:* the purple tangent touches the parabola at $W_{{{k}}}$ = {w}, "
        "with slope {slope}. The blue arrow is the step −α·slope = {move}; it lands on the "
        "white dot $W_{{{k1}}}$ = {new}. The distance to the star goes from {before} to "
        "{after}.",
        "ko": "*볼 곳:* 보라색 접선은 $W_{{{k}}}$ = {w}에서 포물선에 닿고, 기울기는 "
        "{slope}입니다. 파란 화살표는 이번 단계의 이동 −α·기울기 = {move}이며, 흰 점 "
        "$W_{{{k1}}}$ = {new}에 도착합니다. 별까지의 거리는 {before}에서 {after:으로/로} "
        "바뀝니다.",
    },
    "gradient_descent.look.contour_std": {
        "en": "*What to look at:* the rings are round (κ = {kappa}), so the path stays on the "
        "straight line from the start to the star (w*, b*) = ({w_star}, {b_star}); after "
        "{steps} steps it is at ({w}, {b}).",
        "ko": "*볼 곳:* 등고선이 동그랗기 때문에(κ = {kappa}) 경로가 시작점에서 별 "
        "(w*, b*) = ({w_star}, {b_star})까지 곧은 직선 위를 벗어나지 않습니다. {steps}단계 "
        "뒤에는 ({w}, {b})에 있습니다.",
    },
    "gradient_descent.look.contour_raw": {
        "en": "*What to look at:* on the raw bill the rings are long, thin ellipses "
        "(κ = {kappa}): the path drops across the valley and then crawls along its floor. "
        "After {steps} steps it is at ({w}, {b}); the star is at ({w_star}, {b_star}).",
        "ko": "*볼 곳:* 계산서 금액을 그대로 쓰면 등고선이 길고 가는 타원입니다"
        "(κ = {kappa}). 경로는 골짜기를 가로질러 떨어진 뒤 바닥을 따라 기어갑니다. "
        "{steps}단계 뒤에는 ({w}, {b})에 있고, 별은 ({w_star}, {b_star})에 있습니다.",
    },
    "gradient_descent.look.contour_growing": {
        "en": "*What to look at:* α is too large for the steep direction: the path jumps "
        "across the valley, farther each time. At step {steps} it is at ({w}, {b}), far from "
        "the star at ({w_star}, {b_star}).",
        "ko": "*볼 곳:* 가파른 방향에 비해 α가 너무 큽니다. 경로가 골짜기를 가로질러 점점 더 "
        "멀리 튀어 나갑니다. {steps}단계에서는 ({w}, {b})에 있어서 ({w_star}, {b_star})에 "
        "있는 별과 멀리 떨어져 있습니다.",
    },
    "gradient_descent.look.surface": {
        "en": "*What to look at:* the same path on the bowl C(w, b), drawn just above the "
        "see-through surface: the cost goes from {first} at the start to {last} at step "
        "{steps} (the bottom is {best}). Drag to turn the bowl; a camera button brings back "
        "a preset view, and so does changing a setting.",
        "ko": "*볼 곳:* 같은 경로를 그릇 모양의 C(w, b) 위에, 비쳐 보이는 곡면보다 살짝 높게 "
        "그렸습니다. 비용은 시작점의 {first}에서 {steps}단계의 {last:으로/로} 바뀝니다(바닥은 "
        "{best}). 마우스로 끌면 그릇이 돌아가고, 카메라 버튼을 누르거나 설정을 바꾸면 정해 둔 "
        "시점으로 돌아옵니다.",
    },
}
