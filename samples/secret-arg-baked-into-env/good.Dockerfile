FROM python:3.12-slim
RUN --mount=type=secret,id=pypi_token,env=PYPI_TOKEN \
    pip install --index-url "https://__token__:${PYPI_TOKEN}@pypi.example.com/simple" app
