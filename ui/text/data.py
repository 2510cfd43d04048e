"""Strings for data: built-in data sets, the CSV uploader and every upload error.

``data.error.<code>`` holds one message per :class:`optim_core.datasets.DataError` code;
its fields are that error's ``details``. Each message says what was wrong and what to do.

``data.column.<name>`` names a column of a built-in data set (cars, Seattle weather, tips) by
its name in the file: English keeps the file's own name, Korean gives it a Korean one. Columns
of an uploaded file are never looked up here; they stay as the user wrote them.
"""

# The columns of the built-in data sets, by their names in the files: Korean names for tables
# and axes (English shows the file's own name).
COLUMNS_KO = {
    # cars (vega_datasets cars.json), with the derived Made_in_USA
    "Name": "모델명",
    "Miles_per_Gallon": "연비 (갤런당 마일)",
    "Cylinders": "실린더 수",
    "Displacement": "배기량",
    "Horsepower": "마력",
    "Weight_in_lbs": "무게 (파운드)",
    "Acceleration": "가속 시간 (초)",
    "Year": "연식",
    "Origin": "생산지",
    "Made_in_USA": "미국산",
    # Seattle weather (seattle-weather.csv), with the derived day_of_year and rained
    "date": "날짜",
    "precipitation": "강수량",
    "temp_max": "최고기온",
    "temp_min": "최저기온",
    "wind": "풍속",
    "weather": "날씨",
    "day_of_year": "연중 날짜",
    "rained": "비 온 날",
    # tips (plotly.data.tips)
    "total_bill": "계산서 총액",
    "tip": "팁",
    "sex": "성별",
    "smoker": "흡연 여부",
    "day": "요일",
    "time": "식사 시간",
    "size": "인원수",
}

STRINGS = {
    # -- the uploader ----------------------------------------------------------------------
    "data.upload.label": {
        "en": "Upload your own data (CSV)",
        "ko": "내 데이터 올리기 (CSV)",
    },
    "data.upload.help": {
        "en": "A table with one header row, values separated by commas, semicolons or tabs. "
        "UTF-8 and the CSV that Korean Excel saves (CP949) both work.",
        "ko": "첫 줄이 열 이름이고 값을 쉼표, 세미콜론 또는 탭으로 나눈 표를 올려 주세요. "
        "UTF-8 파일도, 한글 엑셀에서 저장한 CSV(CP949)도 읽을 수 있습니다.",
    },
    "data.upload.limit": {
        "en": "Up to {mb} MB, `.csv` or `.txt`. Your file stays in this session only.",
        "ko": "{mb}MB 이하의 `.csv` 또는 `.txt` 파일. 올린 파일은 지금 세션에서만 쓰입니다.",
    },
    "data.upload.read": {
        "en": "Read {rows} rows and {columns} columns from {file}.",
        "ko": "{file}에서 {rows}행, {columns}열을 읽었습니다.",
    },
    "data.shared_upload_note": {
        "en": "This link was made on the sender's own uploaded data, which cannot travel in a "
        "link. Showing the built-in data instead; upload the same file to see their view.",
        "ko": "이 링크는 보낸 사람이 직접 올린 데이터로 만든 것인데, 올린 데이터는 링크에 담기지 "
        "않습니다. 그래서 기본 데이터를 대신 보여 드립니다. 같은 화면을 보려면 같은 파일을 "
        "올려 주세요.",
    },
    "data.source": {"en": "Data", "ko": "데이터"},
    "data.source.upload": {"en": "My own file", "ko": "내 파일"},
    "data.dropped_rows": {
        "en": "{count} rows with a missing value were left out.",
        "ko": "값이 비어 있는 {count}개 행은 빼고 계산했습니다.",
    },
    # -- built-in series --------------------------------------------------------------------
    "data.series.seattle_temp": {
        "en": "Seattle, daily high temperature (2012–2015)",
        "ko": "시애틀 일일 최고기온 (2012–2015)",
    },
    "data.series.seattle_hourly": {
        "en": "Seattle, hourly temperature (2010)",
        "ko": "시애틀 시간별 기온 (2010)",
    },
    "data.series.sf_hourly": {
        "en": "San Francisco, hourly temperature (2010)",
        "ko": "샌프란시스코 시간별 기온 (2010)",
    },
    "data.series.aapl": {
        "en": "Apple share price, monthly (2000–2010)",
        "ko": "애플 주가, 월별 (2000–2010)",
    },
    # -- built-in tables --------------------------------------------------------------------
    "data.choice.cars": {"en": "Cars (1970–1982)", "ko": "자동차 (1970–1982)"},
    "data.choice.seattle_weather": {"en": "Seattle weather", "ko": "시애틀 날씨"},
    "data.choice.upload": {"en": "My own file", "ko": "내 파일"},
    "data.table.cars": {
        "en": "Cars of 1970–1982 (392 models)",
        "ko": "1970–1982년 자동차 (392개 모델)",
    },
    "data.table.cars.regression": {
        "en": "Predict fuel economy (miles per gallon) from engine size, power, weight, "
        "acceleration and model year.",
        "ko": "엔진 크기, 출력, 무게, 가속 성능, 연식으로 연비(갤런당 마일)를 예측합니다.",
    },
    "data.table.cars.classification": {
        "en": "Predict whether a car was made in the USA (yes/no) from its specifications.",
        "ko": "자동차의 사양으로 미국산인지 아닌지(예/아니오)를 예측합니다.",
    },
    "data.table.seattle_weather": {
        "en": "Seattle weather, one row per day (1,461 days)",
        "ko": "시애틀 날씨, 하루에 한 행 (1,461일)",
    },
    "data.table.seattle_weather.regression": {
        "en": "Predict the day's high temperature from its low, rainfall, wind and day of the year.",
        "ko": "최저기온, 강수량, 바람, 연중 날짜로 그날의 최고기온을 예측합니다.",
    },
    "data.table.seattle_weather.classification": {
        "en": "Predict whether it rained that day (yes/no) from temperatures, wind and "
        "day of the year.",
        "ko": "기온, 바람, 연중 날짜로 그날 비가 왔는지(예/아니오)를 예측합니다.",
    },
    # -- errors: reading the file -----------------------------------------------------------
    "data.error.too_large": {
        "en": "This file is {size_mb} MB, over the {limit_mb} MB limit. Upload a smaller "
        "file, for example only the columns and rows you need.",
        "ko": "이 파일은 {size_mb}MB로, 제한인 {limit_mb}MB를 넘습니다. 필요한 열과 행만 "
        "남겨서 더 작은 파일로 올려 주세요.",
    },
    "data.error.empty": {
        "en": "This file is empty. Upload a CSV file with a header row and at least "
        "a few rows of numbers.",
        "ko": "빈 파일입니다. 첫 줄에 열 이름이 있고 그 아래에 숫자가 여러 줄 있는 CSV 파일을 "
        "올려 주세요.",
    },
    "data.error.binary": {
        "en": "This is not a text file (it looks like an image, PDF or other binary file). "
        "Upload a CSV file: a plain-text table with values separated by commas.",
        "ko": "텍스트 파일이 아닙니다 (이미지, PDF 같은 이진 파일로 보입니다). 값을 쉼표로 "
        "나눈 텍스트 표, 즉 CSV 파일을 올려 주세요.",
    },
    "data.error.excel": {
        "en": "This looks like an Excel workbook, not a CSV file. In Excel choose "
        "File → Save As → CSV, then upload that file.",
        "ko": "CSV가 아니라 엑셀 통합 문서로 보입니다. 엑셀에서 파일 → 다른 이름으로 저장 → "
        "CSV를 고른 다음 그 파일을 올려 주세요.",
    },
    "data.error.encoding": {
        "en": "The text of this file could not be read: it is neither UTF-8 nor the Korean "
        "encoding CP949. Save it again as “CSV UTF-8” and upload it again.",
        "ko": "파일의 글자를 읽을 수 없습니다. UTF-8도 한글 인코딩 CP949도 아닙니다. "
        "“CSV UTF-8” 형식으로 다시 저장해서 올려 주세요.",
    },
    "data.error.not_csv": {
        "en": "This does not look like a table: no column of numbers was found. Upload a CSV "
        "with a header row and values separated by commas, semicolons or tabs.",
        "ko": "표로 보이지 않습니다. 숫자로 된 열을 찾지 못했습니다. 첫 줄에 열 이름이 있고 "
        "값을 쉼표, 세미콜론 또는 탭으로 나눈 CSV를 올려 주세요.",
    },
    "data.error.ragged": {
        "en": "Line {line} has {found} values but the header has {expected} columns. "
        "Every row needs the same number of values: fix that line (a stray comma?) and "
        "upload again.",
        "ko": "{line}번째 줄에는 값이 {found}개인데 첫 줄의 열은 {expected}개입니다. 모든 줄의 "
        "값 개수가 같아야 합니다. 그 줄을 고친 뒤(쉼표가 하나 더 있나요?) 다시 올려 주세요.",
    },
    "data.error.header_only": {
        "en": "This file has a header row but no data below it. Add rows of values and "
        "upload again.",
        "ko": "열 이름 줄만 있고 그 아래에 데이터가 없습니다. 값이 든 행을 추가해서 다시 "
        "올려 주세요.",
    },
    # -- errors: using the columns ----------------------------------------------------------
    "data.error.missing_column": {
        "en": "There is no column named “{column}” in this data. Choose one of the "
        "columns the file has.",
        "ko": "이 데이터에는 “{column}” 열이 없습니다. 파일에 있는 열 중에서 골라 주세요.",
    },
    "data.error.not_numeric": {
        "en": "Column “{column}” does not hold numbers (it has values like “{example}”). "
        "Choose a column of numbers, or fix those values in the file.",
        "ko": "“{column}” 열은 숫자가 아닙니다 (“{example}” 같은 값이 있습니다). 숫자로 된 "
        "열을 고르거나 파일에서 그 값을 고쳐 주세요.",
    },
    "data.error.no_numeric_features": {
        "en": "There is no column of numbers to use as an input (feature). Choose at least "
        "one numeric column besides the target, or upload a file that has one.",
        "ko": "입력(특성)으로 쓸 숫자 열이 없습니다. 목표 열 말고 숫자 열을 하나 "
        "이상 고르거나, 숫자 열이 있는 파일을 올려 주세요.",
    },
    "data.error.target_is_feature": {
        "en": "“{column}” is both the target and an input. Remove it from the inputs: "
        "a model must not see the answer it has to predict.",
        "ko": "“{column}” 열이 목표이면서 입력으로도 쓰였습니다. 입력에서 빼 주세요. 모델이 "
        "맞혀야 할 답을 미리 보면 안 됩니다.",
    },
    "data.error.target_not_numeric": {
        "en": "For a regression the target must be numbers, but “{column}” has values like "
        "“{example}”. Choose a numeric target, or switch to classification if it has "
        "two categories.",
        "ko": "회귀에서는 목표가 숫자여야 하는데 “{column}” 열에는 “{example}” "
        "같은 값이 있습니다. 숫자 열을 목표로 고르거나, 두 가지 값으로 나뉜다면 분류로 "
        "바꿔 주세요.",
    },
    "data.error.target_not_binary": {
        "en": "For a yes/no classification the target needs exactly two different values, "
        "but “{column}” has {count} ({values}). Choose a column with two values, or "
        "merge the categories in the file.",
        "ko": "예/아니오 분류에서는 목표 값이 정확히 두 종류여야 하는데 “{column}” 열에는 "
        "{count}종류가 있습니다 ({values}). 값이 두 종류인 열을 고르거나 파일에서 범주를 "
        "두 개로 합쳐 주세요.",
    },
    "data.error.too_few_rows": {
        "en": "Only {rows} complete rows are left ({dropped} had a missing value), but at "
        "least {minimum} are needed. Upload more rows or fill in the missing values.",
        "ko": "빈 값 없는 행이 {rows}개뿐입니다 ({dropped}개 행은 빈 값이 있어 뺐습니다). "
        "최소 {minimum}개가 필요합니다. 행을 더 넣거나 빈 값을 채워 주세요.",
    },
    "data.error.no_rows_left": {
        "en": "Every row has a missing value in the chosen columns ({dropped} rows), so "
        "nothing is left. Choose other columns or fill in the missing values.",
        "ko": "고른 열에서 모든 행({dropped}개)에 빈 값이 있어 남는 행이 없습니다. 다른 열을 "
        "고르거나 빈 값을 채워 주세요.",
    },
    "data.error.constant_column": {
        "en": "Column “{column}” has the same value ({value}) in every row, so it cannot "
        "help a prediction (and breaks standardization). Leave it out of the inputs.",
        "ko": "“{column}” 열은 모든 행의 값이 {value:으로/로} 같아서 예측에 도움이 되지 않고 "
        "표준화도 할 수 없습니다. 입력에서 빼 주세요.",
    },
    "data.error.bad_dates": {
        "en": "Column “{column}” does not hold dates: “{example}” (row {row}) could not be "
        "read as one. Use dates like 2024-03-15, or choose no date column.",
        "ko": "“{column}” 열은 날짜가 아닙니다. {row}번째 행의 값(“{example}”)을 날짜로 "
        "읽을 수 없습니다. 2024-03-15 같은 형식을 쓰거나 날짜 열을 고르지 마세요.",
    },
    "data.error.unknown_dataset": {
        "en": "There is no built-in data set called “{name}”. Pick one from the list.",
        "ko": "기본 데이터 목록에 “{name}” 항목이 없습니다. 목록에서 골라 주세요.",
    },
    "data.error.bad_task": {
        "en": "“{task}” is not a task here: choose regression or classification.",
        "ko": "“{task}” 작업은 여기서 고를 수 없습니다. 회귀나 분류를 골라 주세요.",
    },
    "data.error.unknown": {
        "en": "This data could not be used. Check the file and try again.",
        "ko": "이 데이터는 쓸 수 없습니다. 파일을 확인하고 다시 시도해 주세요.",
    },
}
STRINGS |= {
    f"data.column.{name}": {"en": name, "ko": korean} for name, korean in COLUMNS_KO.items()
}
