"""Strings of the batch-sizes page (full batch, mini-batches, SGD)."""

STRINGS = {
    "batch_sizes.title": {
        "en": "Batch sizes: full batch, mini-batches and SGD",
        "ko": "배치 크기: 전체 배치, 미니배치, SGD",
    },
    "batch_sizes.intro": {
        "en": "The training data is a matrix X with m rows (examples) and n columns (features). "
        "The gradient of the cost adds up a term for every one of the m rows, so one step of "
        "gradient descent reads the whole data set. Mini-batch gradient descent adds up over a "
        "small batch of rows instead, and stochastic gradient descent (SGD) over a single row. "
        "Fewer rows per step make each step cheaper but noisier, so the path wobbles; and one "
        "row at a time gives up the speed of doing many rows in one vectorized operation. This "
        "page measures both effects on real data.",
        "ko": "학습 데이터는 행이 m개(예제 수), 열이 n개(특성 수)인 행렬 X입니다. 비용의 "
        "기울기는 m개 행마다 하나씩 나오는 항을 모두 더해서 구하므로, 경사 하강법은 "
        "한 단계마다 데이터 전체를 읽어야 합니다. 미니배치 경사 하강법은 그 대신 몇 개 "
        "행으로 이루어진 미니배치에 대해서만 더하고, 확률적 경사 하강법(SGD)은 행 하나만 봅니다. "
        "한 단계에 보는 행이 적을수록 단계마다 드는 계산은 줄지만 방향이 흔들려서 경로가 위아래로 "
        "출렁입니다. 또 행을 하나씩 처리하면 여러 행을 한 번의 벡터 연산으로 처리하는 속도 "
        "이점을 잃습니다. 이 페이지에서는 실제 데이터로 두 효과를 직접 재 봅니다.",
    },
    # -- sidebar ---------------------------------------------------------------------------------
    "batch_sizes.task_toggle": {
        "en": "Yes/no classification (off: regression)",
        "ko": "예/아니오 분류 (끄면 회귀)",
    },
    "batch_sizes.task_help": {
        "en": "Off: linear regression predicts a number. On: logistic regression predicts a "
        "yes/no label, like telling cats from dogs by how sharp their claws are.",
        "ko": "끄면 선형 회귀로 숫자를 예측하고, 켜면 로지스틱 회귀로 예/아니오를 예측합니다. "
        "발톱이 얼마나 날카로운지로 고양이와 강아지를 가려내는 것과 같은 문제입니다.",
    },
    "batch_sizes.error.extreme_target": {
        "en": "The target column “{column}” holds values up to {value}: too large to square "
        "for the cost. Divide the column by a power of ten (change its unit) and upload it "
        "again, or choose another target.",
        "ko": "목표 열 “{column}”에는 {value}에 이르는 값이 있어서, 비용을 구하려고 제곱하면 "
        "컴퓨터가 다룰 수 있는 범위를 넘습니다. 열을 10의 거듭제곱으로 나누어(단위를 바꾸어) "
        "다시 올리거나 다른 목표 열을 골라 주세요.",
    },
    "batch_sizes.upload_hint": {
        "en": "Upload a CSV file to train on your own data. Until then the page uses the "
        "built-in data.",
        "ko": "내 데이터로 학습하려면 CSV 파일을 올려 주세요. 그 전까지는 기본 데이터를 씁니다.",
    },
    "batch_sizes.target": {"en": "Target column (y)", "ko": "목표 열 (y)"},
    "batch_sizes.features": {"en": "Feature columns (X)", "ko": "특성 열 (X)"},
    "batch_sizes.bad_upload": {
        "en": "These columns cannot be used for training (a feature may be constant). Choose "
        "other columns.",
        "ko": "이 열들로는 학습할 수 없습니다 (값이 하나뿐인 특성이 있을 수 있습니다). 다른 열을 "
        "골라 주세요.",
    },
    "batch_sizes.using_default": {
        "en": "Showing the built-in data: {name}.",
        "ko": "기본 데이터를 보여 주는 중입니다: {name}.",
    },
    "batch_sizes.data_unavailable": {
        "en": "The built-in data could not be loaded ({detail}). Try another data set.",
        "ko": "기본 데이터를 불러오지 못했습니다 ({detail}). 다른 데이터를 골라 보세요.",
    },
    "batch_sizes.upload_description": {
        "en": "Your file, predicting the column {target}.",
        "ko": "올린 파일로 {target} 열을 예측합니다.",
    },
    "batch_sizes.one_class": {
        "en": "The yes/no column holds only one of the two answers, so there is nothing to "
        "learn. Choose another target column.",
        "ko": "예/아니오 열에 한 가지 답만 들어 있어서 배울 것이 없습니다. 다른 목표 열을 "
        "골라 주세요.",
    },
    "batch_sizes.batch": {"en": "Batch size", "ko": "배치 크기"},
    "batch_sizes.batch_help": {
        "en": "Rows per update step: 1 is SGD, {m} (all rows) is full-batch gradient descent.",
        "ko": "한 번 갱신할 때 쓰는 행의 수입니다. 1이면 SGD, {m}(전체 행)이면 전체 배치 "
        "경사 하강법입니다.",
    },
    "batch_sizes.preset.sgd": {"en": "SGD", "ko": "SGD"},
    "batch_sizes.preset.b32": {"en": "32", "ko": "32"},
    "batch_sizes.preset.b64": {"en": "64", "ko": "64"},
    "batch_sizes.preset.full": {"en": "Full", "ko": "전체"},
    "batch_sizes.lr": {"en": "Learning rate α", "ko": "학습률 α"},
    "batch_sizes.epochs": {"en": "Epochs", "ko": "에폭 수"},
    "batch_sizes.seed": {"en": "Shuffle seed", "ko": "섞기 시드"},
    # -- header ----------------------------------------------------------------------------------
    "batch_sizes.data_caption": {
        "en": "Data: {source} — m = {m} rows, n = {n} features. {description}",
        "ko": "데이터: {source} — 행 m = {m}개, 특성 n = {n}개. {description}",
    },
    "batch_sizes.regime.sgd": {
        "en": "Batch size 1: stochastic gradient descent. Each step looks at one row, so an "
        "epoch is {nb} steps.",
        "ko": "배치 크기 1: 확률적 경사 하강법(SGD)입니다. 한 단계에 행 하나만 보므로 한 "
        "에폭이 {nb}단계입니다.",
    },
    "batch_sizes.regime.mini": {
        "en": "Batch size {batch}: mini-batch gradient descent. An epoch of {m} rows is {nb} "
        "steps; the rows are shuffled again at the start of every epoch.",
        "ko": "배치 크기 {batch}: 미니배치 경사 하강법입니다. {m}개 행을 한 번 다 도는 한 "
        "에폭이 {nb}단계이고, 에폭이 시작될 때마다 행을 새로 섞습니다.",
    },
    "batch_sizes.regime.full": {
        "en": "Batch size {m} = m: full-batch gradient descent. Every step uses all rows, so "
        "an epoch is a single step with the exact gradient.",
        "ko": "배치 크기 {m} = m: 전체 배치 경사 하강법입니다. 단계마다 모든 행을 쓰므로 한 "
        "에폭이 정확한 기울기로 가는 한 단계입니다.",
    },
    # -- 1. data and gradient ----------------------------------------------------------------
    "batch_sizes.s1_title": {
        "en": "1. X, and the rows one step uses",
        "ko": "1. 행렬 X와 한 단계가 쓰는 행",
    },
    "batch_sizes.s1_text": {
        "en": "Each row of X is one example, x⁽ⁱ⁾, with n = {n} features; there are m = {m} of "
        "them. Walk through the steps of an epoch below: the rows of the current mini-batch "
        "are marked ● in the table, and the same batch is the highlighted sum in the "
        "gradient formula.",
        "ko": "X의 각 행이 예제 하나 x⁽ⁱ⁾이고, 특성이 n = {n}개, 행이 m = {m}개입니다. 아래에서 "
        "한 에폭의 단계를 하나씩 넘겨 보세요. 지금 단계의 미니배치에 든 행은 표에 ●로 "
        "표시되고, 같은 배치가 기울기 식에서는 형광펜 친 합으로 나타납니다.",
    },
    "batch_sizes.standardized": {
        "en": "The features are standardized: each column has its mean subtracted and is "
        "divided by its standard deviation, so every feature has mean 0 and spread 1 and one "
        "learning rate suits them all. The table shows the standardized values.",
        "ko": "특성은 표준화했습니다. 열마다 평균을 빼고 표준편차로 나누어 "
        "모든 특성의 평균이 0, 표준편차가 1이 되게 했으므로 학습률 하나로 모든 특성을 다룰 수 "
        "있습니다. 표에는 표준화한 값이 나옵니다.",
    },
    "batch_sizes.scaling_title": {
        "en": "Mean and standard deviation used for each feature",
        "ko": "특성마다 쓴 평균과 표준편차",
    },
    "batch_sizes.feature": {"en": "Feature", "ko": "특성"},
    "batch_sizes.mean": {"en": "Mean", "ko": "평균"},
    "batch_sizes.std": {"en": "Standard deviation", "ko": "표준편차"},
    "batch_sizes.epoch_view": {"en": "Epoch shown", "ko": "볼 에폭"},
    "batch_sizes.step_view": {
        "en": "Mini-batch of that epoch (1–{nb})",
        "ko": "그 에폭의 미니배치 (1–{nb})",
    },
    "batch_sizes.one_step": {
        "en": "One batch per epoch: it holds every row.",
        "ko": "에폭마다 배치가 하나뿐이고, 그 배치에 모든 행이 들어 있습니다.",
    },
    "batch_sizes.feature_j": {
        "en": "Feature j (formula and map)",
        "ko": "특성 j (식과 지도)",
    },
    "batch_sizes.feature_caption": {"en": "j = {j}: {feature}", "ko": "특성 j = {j}: {feature}"},
    "batch_sizes.position": {"en": "Order in epoch", "ko": "에폭 안 순서"},
    "batch_sizes.row": {"en": "Row i", "ko": "행 i"},
    "batch_sizes.in_batch": {"en": "In batch", "ko": "이번 배치"},
    "batch_sizes.table_caption": {
        "en": "Rows {first}–{last} of {m} in the shuffled order of epoch {epoch}. Marked ●: "
        "positions {start}–{stop}, the {size} rows of this mini-batch. “Row i” is the row's "
        "place in the original data.",
        "ko": "{epoch}번째 에폭에서 섞인 순서로 {m}개 중 {first}–{last}번째 행입니다. ●로 "
        "표시한 {start}–{stop}번째 {size}개 행이 이번 미니배치입니다. ‘행 i’는 원래 데이터에서의 "
        "행 번호입니다.",
    },
    "batch_sizes.cost_text.regression": {
        "en": "The cost of linear regression: half the mean squared error over all m rows, "
        "where r⁽ⁱ⁾ is the error of the prediction on row i.",
        "ko": "선형 회귀의 비용: m개 행 전체에 대한 오차 제곱 평균의 절반입니다. r⁽ⁱ⁾는 i번째 "
        "행에서 예측이 틀린 만큼, 곧 오차입니다.",
    },
    "batch_sizes.cost_text.classification": {
        "en": "The cost of logistic regression: the mean cross-entropy ℓ⁽ⁱ⁾ over all m rows, "
        "where ŷ is the predicted probability of “yes”, plus a small L2 penalty on the weights so "
        "that a best point exists even when the two classes can be separated perfectly.",
        "ko": "로지스틱 회귀의 비용: m개 행 전체의 교차 엔트로피 ℓ⁽ⁱ⁾의 평균입니다. ŷ은 ‘예’일 확률의 "
        "예측값입니다. 두 클래스가 완전히 갈라지는 데이터에서도 최적점이 존재하도록 가중치에 "
        "작은 L2 벌점을 더했습니다.",
    },
    "batch_sizes.full_text": {
        "en": "Full-batch gradient of weight j at the current point: a sum over all {m} rows. "
        "Think of telling cats from dogs by how sharp their claws are: this step would look "
        "at every one of the {m} photos before adjusting the claw weight once.",
        "ko": "지금 위치에서 가중치 j의 전체 배치 기울기: {m}개 행 전체의 합입니다. 발톱이 "
        "얼마나 날카로운지로 고양이와 강아지를 구별한다고 하면, 이 방식은 발톱 가중치를 한 번 "
        "고치기 전에 사진 {m}장을 모두 살펴보는 셈입니다.",
    },
    "batch_sizes.batch_text": {
        "en": "Mini-batch gradient of step {step}: the highlighted part is the only change — the "
        "average over all m = {m} rows becomes an average over the {size} rows of the batch "
        "B. Its value differs from the full gradient above: that difference is the noise of "
        "the step.",
        "ko": "{step}번째 단계의 미니배치 기울기: 형광펜 친 부분만 바뀝니다. m = {m}개 행 "
        "전체의 평균이 배치 B에 든 {size}개 행의 평균으로 바뀝니다. 값이 위의 전체 기울기와 "
        "다른데, 그 차이가 이 단계의 잡음입니다.",
    },
    "batch_sizes.update_text": {
        "en": "The step moves every parameter against its batch gradient. Full-data cost: "
        "{before} before this step, {after} after it (a noisy step can raise it).",
        "ko": "이 단계는 모든 매개변수를 배치 기울기의 반대 방향으로 옮깁니다. 전체 데이터 "
        "비용: 단계 전 {before}, 단계 후 {after} (잡음이 큰 단계는 비용을 올리기도 합니다).",
    },
    "batch_sizes.after_divergence": {
        "en": "The run diverged before step {step}: its cost had blown up by step {at}, so "
        "step {step} has no numbers to show. Pick an earlier step or a smaller learning rate.",
        "ko": "{step}번째 단계 전에 실행이 발산했습니다. {at}번째 단계에서 이미 비용이 "
        "한없이 커졌으므로 {step}번째 단계에는 보여 줄 값이 없습니다. 더 앞의 단계나 더 작은 "
        "학습률을 골라 보세요.",
    },
    "batch_sizes.s1_try": {
        "en": "press SGD and step through a few mini-batches: the batch gradient jumps around "
        "the full gradient and sometimes has the wrong sign. Then press 64 and watch the two "
        "numbers move closer.",
        "ko": "SGD를 누르고 미니배치를 몇 개 넘겨 보세요. 배치 기울기가 전체 기울기 주변에서 "
        "크게 튀고 부호가 반대일 때도 있습니다. 그다음 64를 누르면 두 값이 가까워지는 것을 볼 "
        "수 있습니다.",
    },
    # -- 2. curves -------------------------------------------------------------------------------
    "batch_sizes.s2_title": {
        "en": "2. The cost, counted four ways",
        "ko": "2. 네 가지 기준으로 본 비용",
    },
    "batch_sizes.s2_text": {
        "en": "The chosen batch size against full batch, with the same learning rate, epochs "
        "and shuffles. Per update step, full batch makes the best steps; per epoch (the same "
        "number of examples read), smaller batches take many more steps and get further; "
        "the last chart uses the measured time of this run.",
        "ko": "고른 배치 크기와 전체 배치를 같은 학습률, 같은 에폭 수, 같은 섞기로 비교합니다. "
        "갱신 한 단계만 놓고 보면 전체 배치의 단계가 가장 좋습니다. 하지만 에폭 기준(읽은 "
        "예제 수가 같을 때)으로 보면 작은 배치가 훨씬 많은 단계를 밟아서 더 멀리 갑니다. 마지막 "
        "그래프는 이번 실행에서 실제로 잰 시간입니다.",
    },
    "batch_sizes.capped": {
        "en": "The run was stopped after {steps} update steps to keep the page responsive.",
        "ko": "페이지가 느려지지 않도록 갱신 {steps}단계에서 실행을 멈췄습니다.",
    },
    "batch_sizes.chosen_name": {"en": "batch size {batch}", "ko": "배치 크기 {batch}"},
    "batch_sizes.full_name": {"en": "full batch ({m})", "ko": "전체 배치 ({m})"},
    "batch_sizes.optimum": {"en": "optimum", "ko": "최적값"},
    "batch_sizes.x.step": {"en": "update step", "ko": "갱신 단계"},
    "batch_sizes.x.epoch": {"en": "epoch", "ko": "에폭"},
    "batch_sizes.x.examples": {"en": "examples processed", "ko": "처리한 예제 수"},
    "batch_sizes.x.time": {"en": "measured time (ms)", "ko": "잰 시간 (ms)"},
    "batch_sizes.plot.step": {"en": "Cost per update step", "ko": "갱신 단계별 비용"},
    "batch_sizes.plot.epoch": {"en": "Cost per epoch", "ko": "에폭별 비용"},
    "batch_sizes.plot.examples": {
        "en": "Cost per example processed",
        "ko": "처리한 예제 수별 비용",
    },
    "batch_sizes.plot.time": {"en": "Cost per wall-clock time", "ko": "실제 시간별 비용"},
    "batch_sizes.curves_caption": {
        "en": "Full-data cost (log scale) after each recorded step; the dashed line is the "
        "optimum. Steps taken: {steps_chosen} with the chosen batch, {steps_full} with full "
        "batch. Measured training time: {ms_chosen} ms and {ms_full} ms (gradients and "
        "updates only; evaluating the full cost for these charts is not counted). A point is "
        "drawn every {record} steps.",
        "ko": "기록한 단계마다의 전체 데이터 비용(로그 눈금)이고, 점선은 최적값입니다. 단계 "
        "수: 고른 배치 {steps_chosen}단계, 전체 배치 {steps_full}단계. 잰 학습 시간: 고른 배치 "
        "{ms_chosen} ms, 전체 배치 {ms_full} ms (기울기 계산과 갱신만 쟀고, 그래프를 위해 전체 "
        "비용을 계산한 시간은 뺐습니다). {record}단계마다 점 하나를 그렸습니다.",
    },
    "batch_sizes.s2_try": {
        "en": "press SGD: per epoch it is far ahead of full batch, but in the time chart the "
        "gap shrinks or reverses, because one row per step pays Python's overhead on every "
        "row. Then raise the learning rate and watch SGD's cost stop falling and jitter at a "
        "level above the optimum.",
        "ko": "SGD를 눌러 보세요. 에폭 기준으로는 전체 배치보다 훨씬 앞서지만, 시간 그래프에서는 "
        "차이가 줄거나 뒤집힙니다. 행마다 한 단계씩 가므로 행마다 파이썬의 부가 비용을 치르기 "
        "때문입니다. 그다음 학습률을 올리면 SGD의 비용이 더 내려가지 않고 최적값보다 높은 "
        "곳에서 떨리는 것을 볼 수 있습니다.",
    },
    # -- 3. contour ------------------------------------------------------------------------------
    "batch_sizes.s3_title": {
        "en": "3. The path on the map of the cost",
        "ko": "3. 비용 지도 위의 경로",
    },
    "batch_sizes.s3_text": {
        "en": "To draw a path on a map the model needs just two parameters, so here it uses one "
        "feature ({feature}) and the bias b. The colours are the full-data cost of this "
        "smaller model; both runs start at (0, 0).",
        "ko": "경로를 지도 위에 그리려면 매개변수가 두 개여야 하므로, 여기서는 특성 "
        "“{feature}” 하나와 편향 b만 쓰는 모델을 씁니다. 색은 이 작은 모델의 전체 데이터 비용이고, "
        "두 실행 모두 (0, 0)에서 출발합니다.",
    },
    "batch_sizes.axis_w": {"en": "weight w ({feature})", "ko": "{feature}의 가중치 w"},
    "batch_sizes.axis_b": {"en": "b", "ko": "b"},
    "batch_sizes.contour_title": {
        "en": "Both runs on the same cost map",
        "ko": "같은 비용 지도 위의 두 실행",
    },
    "batch_sizes.contour_diverged": {
        "en": "A run diverged on this two-parameter model; only its steps before that are "
        "drawn. Try a smaller learning rate.",
        "ko": "이 두 매개변수 모델에서 발산한 실행이 있어서 발산 전까지의 단계만 그렸습니다. "
        "학습률을 더 작게 해 보세요.",
    },
    "batch_sizes.contour_caption": {
        "en": "Both runs read the data {epochs} times (the same epochs). Full batch takes one "
        "smooth step per epoch; small batches take many short steps that zig-zag because "
        "each one sees only part of the data.",
        "ko": "두 실행 모두 데이터를 {epochs}번 읽었습니다 (에폭 수가 같습니다). 전체 배치는 "
        "에폭마다 매끄러운 한 단계를 가고, 작은 배치는 데이터 일부만 보고 짧은 단계를 여러 번 "
        "밟으므로 지그재그로 움직입니다.",
    },
    "batch_sizes.s3_try": {
        "en": "press SGD and then 64 and compare the zig-zag near the star; then set 1 epoch "
        "and see how far full batch gets with a single step.",
        "ko": "SGD와 64를 번갈아 눌러 별 근처의 지그재그를 비교해 보세요. 그다음 에폭을 1로 "
        "하면 전체 배치가 한 단계로 어디까지 가는지 볼 수 있습니다.",
    },
    # -- 4. sweep --------------------------------------------------------------------------------
    "batch_sizes.s4_title": {
        "en": "4. Measured: which batch size reaches the optimum first?",
        "ko": "4. 직접 재기: 어떤 배치 크기가 가장 먼저 최적점에 닿을까?",
    },
    "batch_sizes.s4_text": {
        "en": "For batch sizes 1, 2, 4, … up to m, this machine trains from 0 until the "
        "full-data cost is within 1% of the optimum (cost − optimum ≤ 0.01 × optimum). Each "
        "batch size gets its own best learning rate from a small grid, so the curve compares "
        "batch sizes, not one learning rate that happens to suit one of them.",
        "ko": "배치 크기 1, 2, 4, …, m마다 이 컴퓨터에서 0부터 학습을 시작해, 전체 데이터 "
        "비용이 최적값의 1% 안에 들어올 때까지(비용 − 최적값 ≤ 0.01 × 최적값) 걸린 시간을 "
        "잽니다. 배치 크기마다 작은 후보 목록에서 가장 잘 맞는 학습률을 따로 고르므로, 한 "
        "학습률이 우연히 어느 배치 크기에만 유리한 비교가 아니라 배치 크기끼리의 비교가 됩니다.",
    },
    "batch_sizes.sweep_progress": {
        "en": "Measuring batch size {batch} ({done} of {total} done)…",
        "ko": "배치 크기 {batch} 재는 중… ({total}개 중 {done}개 완료)",
    },
    "batch_sizes.sweep.to_target": {
        "en": "time to within 1% of the optimum",
        "ko": "최적값 1% 안까지 걸린 시간",
    },
    "batch_sizes.sweep.per_epoch": {"en": "time of one epoch", "ko": "한 에폭 시간"},
    "batch_sizes.sweep.not_reached_name": {"en": "not reached", "ko": "도달 못 함"},
    "batch_sizes.sweep.not_reached": {
        "en": "gap {floor}",
        "ko": "차이 {floor}",
    },
    "batch_sizes.sweep.fastest": {"en": "fastest", "ko": "가장 빠름"},
    "batch_sizes.sweep.ms": {"en": "milliseconds (log scale)", "ko": "밀리초 (로그 눈금)"},
    "batch_sizes.sweep_title": {
        "en": "Measured time by batch size",
        "ko": "배치 크기별로 잰 시간",
    },
    "batch_sizes.col.batch": {"en": "Batch size", "ko": "배치 크기"},
    "batch_sizes.col.lr": {"en": "Best learning rate", "ko": "가장 좋은 학습률"},
    "batch_sizes.col.rate": {"en": "Learning rate", "ko": "학습률"},
    "batch_sizes.col.epoch_ms": {"en": "One epoch (ms)", "ko": "한 에폭 (ms)"},
    "batch_sizes.col.target_ms": {"en": "To target (ms)", "ko": "목표까지 (ms)"},
    "batch_sizes.col.steps": {"en": "Steps to target", "ko": "목표까지 단계 수"},
    "batch_sizes.col.examples": {"en": "Examples to target", "ko": "목표까지 예제 수"},
    "batch_sizes.col.floor": {
        "en": "Not reached: lowest gap",
        "ko": "도달 못 함: 가장 작은 차이",
    },
    "batch_sizes.col.outcome": {"en": "Outcome", "ko": "결과"},
    "batch_sizes.not_reached_short": {"en": "not reached", "ko": "도달 못 함"},
    "batch_sizes.ms_phrase": {"en": "{ms} ms", "ko": "{ms} ms"},
    "batch_sizes.list_separator": {"en": ", ", "ko": ", "},
    "batch_sizes.not_reached_phrase": {
        "en": "did not reach it within the budget",
        "ko": "정해진 예산 안에 닿지 못했습니다",
    },
    "batch_sizes.sweep_result": {
        "en": "Measured here: batch size {batch} got there first, in {ms} ms. SGD: {sgd}; full "
        "batch: {full}. One epoch costs {sgd_epoch} ms with SGD but only {full_epoch} ms as one "
        "full batch: the same arithmetic, done row by row instead of as one matrix product. "
        "Mini-batches win where they combine both: enough steps per epoch, and enough rows "
        "per step to use vectorized arithmetic.",
        "ko": "여기서 잰 결과: 가장 먼저 도착한 배치 크기는 {batch}, 걸린 시간은 {ms} ms입니다. SGD: "
        "{sgd}. 전체 배치: {full}. 한 에폭은 SGD로 {sgd_epoch} ms, 전체 배치 한 번으로는 "
        "{full_epoch} ms밖에 걸리지 않습니다. 계산량은 같은데 행렬 곱 한 번 대신 행을 하나씩 "
        "처리했기 때문입니다. 미니배치는 두 장점을 함께 얻는 곳에서 이깁니다. 에폭마다 단계 "
        "수가 충분하고, 단계마다 벡터 연산을 쓸 만큼 행이 많을 때입니다.",
    },
    "batch_sizes.sweep_stuck": {
        "en": "Stuck at a noise floor above the target (batch size {sizes}): with a constant "
        "learning rate, small batches keep jittering around the optimum unless the rate is "
        "small, and a small rate is slow. This is why mini-batch training usually lowers the "
        "learning rate over time.",
        "ko": "목표보다 높은 잡음 바닥에 머문 배치 크기: {sizes}. 학습률이 일정하면 작은 배치는 "
        "학습률이 아주 작지 않은 한 최적점 주위에서 계속 떨리고, 학습률을 작게 하면 느려집니다. "
        "그래서 미니배치 학습에서는 보통 시간이 지날수록 학습률을 낮춥니다.",
    },
    "batch_sizes.sweep_falling": {
        "en": "Still falling when the budget ran out (batch size {sizes}): large batches take "
        "so few steps per epoch that the same number of examples buys only a few steps.",
        "ko": "예산이 끝날 때까지 아직 내려가는 중이던 배치 크기: {sizes}. 큰 배치는 에폭마다 "
        "단계 수가 아주 적어서, 같은 수의 예제를 읽어도 몇 단계 가지 못합니다.",
    },
    "batch_sizes.how_title": {"en": "How this was measured", "ko": "잰 방법"},
    "batch_sizes.how_text": {
        "en": "- Plain mini-batch gradient descent from all parameters 0, rows reshuffled "
        "every epoch (seed {seed}).\n"
        "- Learning rates tried for every batch size: {rates}. The best is the one that "
        "reaches the target after the fewest examples; a later rate is stopped once it has "
        "used that many examples, since it can no longer win.\n"
        "- Target: cost − optimum ≤ 0.01 × optimum, with optimum = {optimum} ({method}). "
        "The full-data cost is checked after the step that crosses every {check} examples "
        "(after every step when a batch is larger).\n"
        "- Budget: at most {budget} examples per learning rate. A mini-batch run whose gap "
        "to the optimum has not shrunk by 2% for about 5 epochs (and two thirds of its run) "
        "is stopped there: it is jittering at its noise floor.\n"
        "- Time: `time.perf_counter` around the gradient and update work only; the checks are "
        "not timed. The winning run of each batch size is run 3 times (it takes the same steps "
        "each time) and “one epoch” is timed in 3 separate one-epoch runs; the fastest of the 3 "
        "is kept, as Python's `timeit` does, since it is the one least disturbed by other work "
        "on the machine. Everything runs "
        "in numpy on this server's CPU, once per data set (then cached), so the numbers "
        "change a little from run to run and from machine to machine.",
        "ko": "- 모든 매개변수를 0에서 시작하는 기본 미니배치 경사 하강법이고, 에폭마다 행을 "
        "새로 섞습니다 (시드 {seed}).\n"
        "- 배치 크기마다 시도한 학습률: {rates}. 가장 적은 예제 수로 목표에 닿은 학습률이 "
        "가장 좋은 것이고, 뒤에 시도하는 학습률은 그만큼의 예제를 쓰고도 못 닿으면 더 이길 수 "
        "없으므로 거기서 멈춥니다.\n"
        "- 목표: 비용 − 최적값 ≤ 0.01 × 최적값, 최적값 = {optimum} ({method}). 전체 데이터 "
        "비용은 예제 {check}개를 넘길 때마다 그 단계 뒤에 확인합니다 (배치가 그보다 크면 "
        "단계마다).\n"
        "- 예산: 학습률 하나당 예제 최대 {budget}개. 미니배치 실행에서 최적값과의 차이가 "
        "약 5 에폭 동안(그리고 실행의 3분의 2 동안) 2%도 줄지 않으면 잡음 바닥에서 떨고 있는 "
        "것이므로 거기서 멈춥니다.\n"
        "- 시간: 기울기 계산과 갱신만 `time.perf_counter`로 쟀고, 확인에 쓴 시간은 "
        "뺐습니다. 배치 크기마다 가장 좋은 실행을 세 번 돌리고(매번 같은 단계를 밟습니다) ‘한 "
        "에폭’도 따로 세 번 재서, 파이썬의 `timeit`처럼 가장 빠른 값을 씁니다. 컴퓨터의 다른 "
        "작업에 가장 덜 방해받은 값이기 때문입니다. 모두 이 서버의 "
        "CPU에서 넘파이로 데이터마다 한 번 재고 저장해 두므로, 실행마다 또 컴퓨터마다 값이 조금씩 "
        "다를 수 있습니다.",
    },
    "batch_sizes.optimum_method.regression": {
        "en": "closed-form least squares",
        "ko": "최소제곱법의 닫힌 해",
    },
    "batch_sizes.optimum_method.classification": {
        "en": "Newton's method on the L2-regularized cost",
        "ko": "L2 벌점을 더한 비용에 뉴턴법을 써서 구함",
    },
    "batch_sizes.outcome.diverged": {"en": "diverged", "ko": "발산"},
    "batch_sizes.outcome.reached": {
        "en": "reached after {examples} examples",
        "ko": "예제 {examples}개 만에 도달",
    },
    "batch_sizes.outcome.pruned": {
        "en": "stopped after {examples} examples (already slower than the best)",
        "ko": "예제 {examples}개에서 멈춤 (이미 가장 좋은 것보다 느림)",
    },
    "batch_sizes.outcome.falling": {
        "en": "budget used up while still falling (gap {floor})",
        "ko": "아직 내려가는 중에 예산 소진 (차이 {floor})",
    },
    "batch_sizes.outcome.floor": {
        "en": "stuck at a noise floor: lowest gap {floor} in {examples} examples",
        "ko": "잡음 바닥에 머묾: 예제 {examples}개 동안 가장 작은 차이 {floor}",
    },
    "batch_sizes.s4_try": {
        "en": "switch the task to yes/no classification, or the data to the 1,461 days of "
        "Seattle weather, and see whether the fastest batch size moves. Open “How this was "
        "measured” to see which learning rates stalled at a noise floor.",
        "ko": "문제 유형을 예/아니오 분류로, 또는 데이터를 시애틀 날씨 1,461일로 바꿔서 가장 "
        "빠른 배치 크기가 달라지는지 보세요. ‘잰 방법’을 열면 어떤 학습률이 잡음 바닥에 "
        "머물렀는지 볼 수 있습니다.",
    },
    # -- what to look at: one line under each chart ---------------------------------------
    "batch_sizes.look.step": {
        "en": "*What to look at:* compare the curves at the same step. After its {steps_full} "
        "steps full batch is at {full_end}, and the batch of {batch} at {chosen_at} after as "
        "many steps, although each of its steps read only {batch} of the {m} rows. The green "
        "curve goes on for {steps_chosen} steps in all and ends at {chosen_end}.",
        "ko": "*볼 곳:* 같은 단계에서 두 곡선을 비교해 보세요. 전체 배치는 {steps_full}단계를 "
        "다 밟은 뒤 비용이 {full_end}이고, 배치 크기 {batch:은/는} 같은 단계 수에서 "
        "{chosen_at}입니다. 이 배치는 단계마다 {m}개 행 중 {batch}개만 읽었습니다. 초록 "
        "곡선은 모두 {steps_chosen}단계를 가서 {chosen_end}에서 끝납니다.",
    },
    "batch_sizes.look.epoch": {
        "en": "*What to look at:* per epoch both runs have read every row equally often. After "
        "{epochs} epochs the batch of {batch} is at {chosen_end} and full batch at {full_end} "
        "(optimum {best}): the same reading bought {steps_chosen} steps instead of "
        "{steps_full}.",
        "ko": "*볼 곳:* 에폭 기준으로는 두 실행이 모든 행을 같은 횟수만큼 읽었습니다. "
        "{epochs}에폭 뒤 배치 크기 {batch:은/는} {chosen_end}, 전체 배치는 {full_end}에 "
        "있습니다(최적값 {best}). 같은 양을 읽고 {steps_full}단계 대신 {steps_chosen}단계를 "
        "밟은 셈입니다.",
    },
    "batch_sizes.look.examples": {
        "en": "*What to look at:* the same race counted in rows read. After the first {m} "
        "examples (one epoch) the batch of {batch} is already at {chosen_e1}, full batch "
        "still at {full_e1}; each run reads {examples} examples in all.",
        "ko": "*볼 곳:* 같은 경주를 읽은 행 수로 센 그래프입니다. 처음 예제 {m}개(한 에폭)를 "
        "읽은 뒤 배치 크기 {batch:은/는} 벌써 {chosen_e1}, 전체 배치는 아직 {full_e1}에 "
        "있습니다. 두 실행 모두 예제를 {examples}개씩 읽습니다.",
    },
    "batch_sizes.look.time": {
        "en": "*What to look at:* measured on this server: the batch of {batch} spent "
        "{ms_chosen} ms on its {steps_chosen} steps, full batch {ms_full} ms on its "
        "{steps_full}. At any moment the lower curve has got further for the same wait.",
        "ko": "*볼 곳:* 이 서버에서 잰 시간입니다. 배치 크기 {batch:은/는} {steps_chosen}단계에 "
        "{ms_chosen} ms, 전체 배치는 {steps_full}단계에 {ms_full} ms가 걸렸습니다. 어느 "
        "시각에서든 더 낮은 곡선이 같은 시간 동안 더 멀리 간 쪽입니다.",
    },
    "batch_sizes.look.alone": {
        "en": "*What to look at:* the batch holds all {m} rows, so only full batch is drawn: "
        "its cost goes from {first} to {end} in {steps} steps (optimum {best}). Pick a "
        "smaller batch size to compare.",
        "ko": "*볼 곳:* 배치에 {m}개 행이 모두 들어 있으므로 전체 배치만 그렸습니다. 비용은 "
        "{steps}단계 동안 {first}에서 {end:으로/로} 바뀝니다(최적값 {best}). 비교하려면 더 "
        "작은 배치 크기를 골라 보세요.",
    },
    "batch_sizes.look.diverged": {
        "en": "*What to look at:* the curve of {name} stops at step {step}, where that run "
        "blew up; a smaller learning rate keeps it on the chart.",
        "ko": "*볼 곳:* {name}의 곡선은 그 실행이 발산한 {step}단계에서 끊깁니다. 학습률을 "
        "낮추면 끝까지 그려집니다.",
    },
    "batch_sizes.look.contour": {
        "en": "*What to look at:* both paths leave the white circle (0, 0). Full batch (blue) "
        "takes {steps_full} smooth steps, one per epoch, and ends {gap_full} from the star; "
        "the batch of {batch} (green) takes {steps_chosen} short, wobbly steps and ends "
        "{gap_chosen} from it.",
        "ko": "*볼 곳:* 두 경로 모두 흰 원 (0, 0)에서 출발합니다. 전체 배치(파란색)는 에폭마다 "
        "한 번씩, 모두 {steps_full}단계를 매끄럽게 가서 별에서 {gap_full}만큼 떨어진 곳에서 "
        "끝나고, 배치 크기 {batch}(초록색)는 짧고 흔들리는 {steps_chosen}단계를 가서 별에서 "
        "{gap_chosen}만큼 떨어진 곳에서 끝납니다.",
    },
    "batch_sizes.look.contour_alone": {
        "en": "*What to look at:* full batch leaves the white circle (0, 0) and takes "
        "{steps_full} smooth steps, one per epoch, ending {gap_full} from the star.",
        "ko": "*볼 곳:* 전체 배치는 흰 원 (0, 0)에서 출발해 에폭마다 한 번씩, 모두 "
        "{steps_full}단계를 매끄럽게 가서 별에서 {gap_full}만큼 떨어진 곳에서 끝납니다.",
    },
    "batch_sizes.look.sweep": {
        "en": "*What to look at:* the rose line is the time to reach the target, lowest at "
        "batch size {batch} ({ms} ms). The purple dotted line is the time of one epoch: "
        "{sgd_epoch} ms for SGD, {full_epoch} ms for full batch. The dashed green line marks "
        "your batch size, {chosen}.",
        "ko": "*볼 곳:* 분홍 선은 목표에 닿기까지 걸린 시간으로, 배치 크기 {batch}에서 가장 "
        "짧습니다({ms} ms). 보라색 점선은 한 에폭에 걸린 시간으로 SGD는 {sgd_epoch} ms, "
        "전체 배치는 {full_epoch} ms입니다. 초록 파선은 지금 고른 배치 크기 {chosen}의 "
        "자리입니다.",
    },
    "batch_sizes.look.sweep_none": {
        "en": "*What to look at:* no batch size reached the target within the budget; each "
        "cross gives its smallest gap. The purple dotted line is the time of one epoch: "
        "{sgd_epoch} ms for SGD, {full_epoch} ms for full batch. The dashed green line marks "
        "your batch size, {chosen}.",
        "ko": "*볼 곳:* 정해진 예산 안에 목표에 닿은 배치 크기가 없습니다. × 표시마다 가장 "
        "작았던 차이를 적었습니다. 보라색 점선은 한 에폭에 걸린 시간으로 SGD는 {sgd_epoch} "
        "ms, 전체 배치는 {full_epoch} ms입니다. 초록 파선은 지금 고른 배치 크기 {chosen}의 "
        "자리입니다.",
    },
}
