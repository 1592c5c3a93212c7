FROM python:3.12-slim
ARG PYPI_TOKEN
ENV PYPI_TOKEN=$PYPI_TOKEN
RUN pip install --index-url "https://__token__:${PYPI_TOKEN}@pypi.example.com/simple" app
